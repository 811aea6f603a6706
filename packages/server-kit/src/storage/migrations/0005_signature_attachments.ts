import { type Kysely, sql } from 'kysely';

/**
 * A signature covers the attachments its record had when it was signed: the ids of those
 * attachments (a JSON array, sorted), whose SHA-256s its content hash covers with the record.
 * Null on the signatures given before: their hash covers the record alone, and they still
 * verify as they did. Adding a column rewrites no row, so the append-only guard stays as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE signatures ADD COLUMN covered_attachments jsonb
    CHECK (covered_attachments IS NULL OR jsonb_typeof(covered_attachments) = 'array')`.execute(db);
}
