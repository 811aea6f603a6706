import { type Kysely, sql } from 'kysely';

/**
 * Attachments and comments join the trail and the signatures as append-only: a file's record
 * (name, size, SHA-256) and a discussion are evidence, so the database refuses to change them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TRIGGER attachments_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON attachments
    FOR EACH STATEMENT EXECUTE FUNCTION masetra_refuse_change()`.execute(db);
  await sql`CREATE TRIGGER comments_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON comments
    FOR EACH STATEMENT EXECUTE FUNCTION masetra_refuse_change()`.execute(db);
}
