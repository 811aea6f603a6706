import { type Kysely, sql } from 'kysely';

/**
 * Tables whose rows are evidence: the run-time role may add and read them, never change or
 * remove them. The triggers refuse it too, but an owner can drop a trigger; a role that owns
 * nothing cannot (Part 11 item 5).
 */
export const appendOnlyTables = ['audit_trail', 'signatures', 'attachments', 'comments'] as const;

/**
 * Gives the role the server runs as what it needs and no more: read and write on every table
 * of the schema (the kit's, the record types' and the host's own), but only INSERT and SELECT
 * on the append-only ones. Run by the owner after every migration, since migrations and
 * record-type tables add tables. The run-time role owns nothing, so it can neither disable a
 * trigger nor rewrite the trail and recompute its hashes.
 */
export async function grantRuntimeRole(owner: Kysely<unknown>, role: string, schema: string): Promise<void> {
  const who = sql.id(role);
  const where = sql.id(schema);
  await sql`GRANT USAGE ON SCHEMA ${where} TO ${who}`.execute(owner);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${where} TO ${who}`.execute(owner);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${where} TO ${who}`.execute(owner);
  for (const table of appendOnlyTables) {
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON ${sql.id(schema, table)} FROM ${who}`.execute(owner);
  }
}
