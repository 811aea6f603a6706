import { builtInRegistry, defaultRoles } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage } from '../testing';
import type { Storage } from './storage';

describe('the roles table', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage.close());

  async function storedRoles() {
    const rows = await storage.db.selectFrom('roles').select(['name', 'description']).execute();
    return Object.fromEntries(rows.map((row) => [row.name, row.description]));
  }

  it('holds core’s default roles, described in core’s words', async () => {
    expect(await storedRoles()).toEqual(defaultRoles);
  });

  it('takes core’s words again on the next start of a database migrated with older ones', async () => {
    // What an archived database holds: the wording the first migration seeded.
    await storage.db
      .updateTable('roles')
      .set({ description: 'Reads records' })
      .where('name', '=', 'viewer')
      .execute();
    await storage.db
      .insertInto('roles')
      .values({ name: 'trainer', description: 'A host’s own role' })
      .execute();
    await storage.migrate(builtInRegistry);
    expect(await storedRoles()).toEqual({ ...defaultRoles, trainer: 'A host’s own role' });
  });
});
