import { type Kysely, sql } from 'kysely';

/**
 * Imports run as background jobs (`POST /{collection}/import`). One file is one job per
 * organization and record type (`sha256` unique): the same file sent again finds its job
 * instead of creating anything twice. A job is claimed like an export job (`run_id`, renewed
 * `heartbeat_at`); each record it creates is written to `import_job_rows` in the transaction
 * that creates it, so a run that takes over a dead one skips the rows already done.
 */
const statements = [
  sql`CREATE TABLE import_jobs (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    record_type text NOT NULL,
    collection text NOT NULL,
    sha256 text NOT NULL,
    format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
    file_name text,
    file bytea NOT NULL,
    -- Who asked: the records are theirs, created with their roles as at the request.
    requested_by text NOT NULL,
    principal jsonb NOT NULL,
    source jsonb,
    state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    rows_total integer NOT NULL,
    run_id uuid,
    created_at timestamptz NOT NULL,
    started_at timestamptz,
    heartbeat_at timestamptz,
    finished_at timestamptz,
    problem jsonb,
    UNIQUE (org_id, record_type, sha256)
  )`,
  sql`CREATE INDEX import_jobs_unfinished_idx ON import_jobs (created_at) WHERE state IN ('queued', 'running')`,
  sql`CREATE TABLE import_job_rows (
    job_id uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    row_number integer NOT NULL,
    record_id uuid NOT NULL,
    record_number text NOT NULL,
    PRIMARY KEY (job_id, row_number)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
