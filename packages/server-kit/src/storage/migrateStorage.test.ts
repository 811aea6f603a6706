import { builtInRegistry } from '@masetra/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage } from '../testing';
import type { Storage } from './storage';

describe('migrate', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage.close());

  async function schemaShape() {
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname || ':' || c.relkind::text AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace
      UNION ALL
      SELECT t.tgname || ':trigger' FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
      ORDER BY 1`.execute(storage.db);
    return rows.map((row) => row.name);
  }

  it('creates the fixed tables, the seeded roles and a table per record type', async () => {
    const shape = await schemaShape();
    for (const table of [
      'organizations',
      'users',
      'audit_trail',
      'outbox',
      'idempotency_keys',
      'deviations',
    ]) {
      expect(shape).toContain(`${table}:r`);
    }
    const roles = await storage.db.selectFrom('roles').select('name').orderBy('name').execute();
    expect(roles.map((role) => role.name)).toEqual([
      'admin',
      'auditor',
      'document_controller',
      'investigator',
      'originator',
      'qa_approver',
      'qa_reviewer',
      'viewer',
    ]);
  });

  it('is a no-op when run again', async () => {
    const before = await schemaShape();
    await storage.migrate(builtInRegistry);
    await storage.migrate(builtInRegistry);
    expect(await schemaShape()).toEqual(before);
  });
});
