/** Attachments and comments are evidence like the trail: the database refuses to change them (issue 11, item 7). */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage } from '../testing';
import type { Storage } from './storage';

describe('append-only attachments and comments', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
    const recordId = uuidv7();
    await storage.db
      .insertInto('attachments')
      .values({
        id: uuidv7(),
        org_id: 'org-a',
        record_type: 'deviation',
        record_id: recordId,
        file_name: 'batch-record.pdf',
        content_type: 'application/pdf',
        size_bytes: 1024,
        sha256: 'b'.repeat(64),
        storage_key: `org-a/${recordId}/1`,
        uploaded_by: 'u1',
        uploaded_at: new Date(),
      })
      .execute();
    await storage.db
      .insertInto('comments')
      .values({
        id: uuidv7(),
        org_id: 'org-a',
        record_type: 'deviation',
        record_id: recordId,
        author_id: 'u1',
        author_name: 'Ada Quality',
        body: 'Chamber 4 logged 9 °C for 40 minutes.',
        created_at: new Date(),
      })
      .execute();
  });
  afterAll(() => storage.close());

  it.each(['attachments', 'comments'])(
    'refuses UPDATE, DELETE and TRUNCATE on %s and keeps the row',
    async (table) => {
      await expect(sql`UPDATE ${sql.id(table)} SET org_id = 'org-x'`.execute(storage.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`DELETE FROM ${sql.id(table)}`.execute(storage.db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE ${sql.id(table)}`.execute(storage.db)).rejects.toThrow(/append-only/);
      const { rows } = await sql<{ org: string }>`SELECT org_id AS org FROM ${sql.id(table)}`.execute(
        storage.db,
      );
      expect(rows).toEqual([{ org: 'org-a' }]);
    },
  );
});
