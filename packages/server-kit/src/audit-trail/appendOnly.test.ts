/** The database itself keeps the audit trail and the signatures append-only (PART11 item 5). */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/storage';
import { createTestStorage } from '../testing';
import { appendAuditEntry } from './appendAuditEntry';

describe('append-only tables', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
    await storage.db.transaction().execute(async (trx) => {
      await appendAuditEntry(trx, {
        orgId: 'org-a',
        actorId: 'u1',
        actorName: 'Ada Quality',
        action: 'create',
        recordType: 'deviation',
        recordId: uuidv7(),
        changes: [{ field: 'title', new: 'x' }],
      });
    });
    await storage.db
      .insertInto('signatures')
      .values({
        id: uuidv7(),
        org_id: 'org-a',
        record_type: 'deviation',
        record_id: uuidv7(),
        record_version: 3,
        content_hash: 'a'.repeat(64),
        signer_id: 'u2',
        signer_name: 'Grace Approver',
        meaning: 'approval',
        event: 'APPROVE',
        signed_at: new Date(),
      })
      .execute();
    await storage.db.insertInto('organizations').values({ id: 'org-a', name: 'Org A' }).execute();
    await storage.db
      .insertInto('users')
      .values({ id: 'u1', org_id: 'org-a', email: 'ada@example.com', display_name: 'Ada Quality' })
      .execute();
  });
  afterAll(() => storage.close());

  const refused = /append-only|never|refused/;

  it.each(['audit_trail', 'signatures'])('refuses UPDATE, DELETE and TRUNCATE on %s', async (table) => {
    await expect(sql`UPDATE ${sql.id(table)} SET org_id = 'org-x'`.execute(storage.db)).rejects.toThrow(
      refused,
    );
    await expect(sql`DELETE FROM ${sql.id(table)}`.execute(storage.db)).rejects.toThrow(refused);
    await expect(sql`TRUNCATE ${sql.id(table)}`.execute(storage.db)).rejects.toThrow(refused);
    const { rows } = await sql<{
      count: number;
    }>`SELECT count(*)::int AS count FROM ${sql.id(table)}`.execute(storage.db);
    expect(rows[0]?.count).toBe(1);
  });

  it('refuses even an UPDATE that matches no row', async () => {
    await expect(sql`UPDATE audit_trail SET reason = 'x' WHERE false`.execute(storage.db)).rejects.toThrow(
      refused,
    );
  });

  it('refuses to delete or rewind a chain head', async () => {
    await expect(sql`DELETE FROM audit_chain_heads`.execute(storage.db)).rejects.toThrow(refused);
    await expect(sql`UPDATE audit_chain_heads SET seq = 0`.execute(storage.db)).rejects.toThrow(
      /only advances/,
    );
  });

  it('never deletes a user or changes a user id, so ids are never reused', async () => {
    await expect(sql`DELETE FROM users WHERE id = 'u1'`.execute(storage.db)).rejects.toThrow(refused);
    await expect(sql`UPDATE users SET id = 'u9' WHERE id = 'u1'`.execute(storage.db)).rejects.toThrow(
      /never changed/,
    );
    await storage.db.updateTable('users').set({ active: false }).where('id', '=', 'u1').execute();
  });

  it('stores e-mail addresses lower-cased only', async () => {
    await expect(
      storage.db
        .insertInto('users')
        .values({ id: 'u2', org_id: 'org-a', email: 'Grace@Example.com', display_name: 'Grace' })
        .execute(),
    ).rejects.toThrow();
  });
});
