import { type Kysely, sql } from 'kysely';

/** Full verifications of an organization's trail, run as background jobs with their progress and result. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE audit_verifications (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    status text NOT NULL CHECK (status IN ('queued', 'running', 'ok', 'broken', 'failed')),
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL,
    started_at timestamptz,
    finished_at timestamptz,
    heartbeat_at timestamptz,
    entries_verified bigint NOT NULL DEFAULT 0,
    entries_total bigint,
    result jsonb
  )`.execute(db);
  await sql`CREATE INDEX audit_verifications_org_idx ON audit_verifications (org_id, requested_at)`.execute(
    db,
  );
}
