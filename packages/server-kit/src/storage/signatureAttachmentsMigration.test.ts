/**
 * Migration 0005 adds what a signature covers (`signatures.covered_attachments`) without
 * touching a signature given before it: such a row keeps null, reads back as a signature with
 * no list (its hash covers the record alone), and the append-only guard still holds for the
 * new column. On both drivers (PGlite, and PostgreSQL with TEST_DATABASE_URL).
 */
import { builtInRegistry } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSignature, insertSignature } from '../repositories/signatures';
import { createPgliteStorage } from './createPgliteStorage';
import { createPostgresStorage } from './createPostgresStorage';
import { migrations } from './migrations';
import type { Storage } from './storage';

const databaseUrl = process.env.TEST_DATABASE_URL;
const schema = databaseUrl
  ? `test_sig_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  : 'public';
let storage: Storage;

const before = {
  id: uuidv7(),
  recordId: uuidv7(),
  contentHash: 'f'.repeat(64),
  signedAt: '2026-06-01T10:00:00.000Z',
};

/** The migrations a release before 0005 had, run the way the kit runs them. */
async function migrateUpTo(db: Kysely<unknown>, name: string) {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
    migrationTableName: 'masetra_migration',
    migrationLockTableName: 'masetra_migration_lock',
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

beforeAll(async () => {
  storage = databaseUrl
    ? createPostgresStorage({ connectionString: databaseUrl, schema, max: 4 })
    : createPgliteStorage();
  await migrateUpTo(storage.db as Kysely<unknown>, '0004_audit_verifications');
  // A signature as the release before 0005 wrote it: the columns it had then.
  await sql`INSERT INTO signatures (id, org_id, record_type, record_id, record_version, content_hash,
      signer_id, signer_name, meaning, event, signed_at)
    VALUES (${before.id}, 'org-a', 'deviation', ${before.recordId}, 5, ${before.contentHash},
      'quinn', 'Quinn QA', 'approval', 'APPROVE', ${before.signedAt})`.execute(storage.db);
  await storage.migrate(builtInRegistry);
}, 120_000);

afterAll(async () => {
  if (databaseUrl) await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(storage.db);
  await storage.close();
});

describe('migration 0005_signature_attachments', () => {
  it('leaves a signature given before it as it was, with no list of covered attachments', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM masetra_migration ORDER BY name`.execute(
      storage.db,
    );
    expect(rows.map((row) => row.name)).toContain('0005_signature_attachments');
    const row = await storage.db
      .selectFrom('signatures')
      .selectAll()
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      content_hash: before.contentHash,
      record_version: 5,
      covered_attachments: null,
    });
    const signature = await findSignature(storage.db, 'org-a', before.id);
    expect(signature).toMatchObject({ id: before.id, contentHash: before.contentHash, recordVersion: 5 });
    expect(signature).not.toHaveProperty('coveredAttachments');
  });

  it('stores the list a new signature covers, and the append-only guard holds for it', async () => {
    const id = uuidv7();
    const covered = [uuidv7(), uuidv7()].sort();
    await storage.db.transaction().execute((trx) =>
      insertSignature(trx, {
        id,
        orgId: 'org-a',
        recordType: 'deviation',
        recordId: before.recordId,
        recordVersion: 6,
        contentHash: 'e'.repeat(64),
        signerId: 'quinn',
        signerName: 'Quinn QA',
        meaning: 'approval',
        event: 'APPROVE',
        signedAt: '2026-06-02T10:00:00.000Z',
        coveredAttachments: covered,
      }),
    );
    expect((await findSignature(storage.db, 'org-a', id))?.coveredAttachments).toEqual(covered);
    // Neither an old signature nor a new one can be given a list afterwards.
    for (const target of [before.id, id]) {
      await expect(
        sql`UPDATE signatures SET covered_attachments = '[]'::jsonb WHERE id = ${target}`.execute(storage.db),
      ).rejects.toThrow();
    }
  });

  it('refuses a list that is not a JSON array', async () => {
    await expect(
      sql`INSERT INTO signatures (id, org_id, record_type, record_id, record_version, content_hash,
          signer_id, signer_name, meaning, event, signed_at, covered_attachments)
        VALUES (${uuidv7()}, 'org-a', 'deviation', ${before.recordId}, 7, ${'d'.repeat(64)},
          'quinn', 'Quinn QA', 'approval', 'APPROVE', ${before.signedAt}, '{"id": "x"}'::jsonb)`.execute(
        storage.db,
      ),
    ).rejects.toThrow(/check/i);
  });
});
