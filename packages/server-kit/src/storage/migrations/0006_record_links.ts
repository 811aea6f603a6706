import { type Kysely, sql } from 'kysely';

/**
 * Typed links between records, and from a record to an object of the host system, each
 * scoped to one organization. A link's source is always a record; its target is a record
 * (`to_type` names its type, `to_id` its id) or a host object (`to_type` is '' and
 * `to_system`, `to_kind`, `to_id` name it). Removing a link keeps its row with who removed it,
 * when and why; at most one link of a kind joins the same two ends at a time.
 */
const statements = [
  sql`CREATE TABLE record_links (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    kind text NOT NULL,
    from_type text NOT NULL,
    from_id uuid NOT NULL,
    to_type text NOT NULL,
    to_system text NOT NULL DEFAULT '',
    to_kind text NOT NULL DEFAULT '',
    to_id text NOT NULL,
    to_label text,
    created_by text NOT NULL,
    created_by_name text NOT NULL,
    created_at timestamptz NOT NULL,
    removed_by text,
    removed_by_name text,
    removed_at timestamptz,
    removal_reason text,
    CHECK ((to_type = '') = (to_system <> '')),
    CHECK ((to_type = '') = (to_kind <> '')),
    CHECK (
      (removed_at IS NULL AND removed_by IS NULL AND removal_reason IS NULL)
      OR (removed_at IS NOT NULL AND removed_by IS NOT NULL AND removal_reason IS NOT NULL)
    )
  )`,
  sql`CREATE UNIQUE INDEX record_links_active_idx
    ON record_links (org_id, kind, from_type, from_id, to_type, to_system, to_kind, to_id)
    WHERE removed_at IS NULL`,
  sql`CREATE INDEX record_links_from_idx ON record_links (org_id, from_type, from_id)`,
  sql`CREATE INDEX record_links_to_idx ON record_links (org_id, to_type, to_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
