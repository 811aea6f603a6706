import { type Kysely, sql } from 'kysely';

/**
 * Document control. Each organization may set the number prefix of a document kind (`SOP`,
 * `WI`, ...); a document's number is `<prefix>-0001`, counted per organization and prefix, and
 * kept by every version of the document. The counter row is locked by the numbering write until
 * its transaction ends, so numbers are unique and a rolled-back create gives its number back.
 */
const statements = [
  sql`CREATE TABLE document_kind_prefixes (
    org_id text NOT NULL,
    kind text NOT NULL,
    prefix text NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, kind)
  )`,
  sql`CREATE TABLE document_number_counters (
    org_id text NOT NULL,
    prefix text NOT NULL,
    last_value integer NOT NULL,
    PRIMARY KEY (org_id, prefix)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
