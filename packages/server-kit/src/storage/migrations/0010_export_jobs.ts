import { type Kysely, sql } from 'kysely';

/**
 * Exports run as background jobs (record lists and the audit trail as CSV, XLSX or PDF). A job
 * is claimed by one process at a time (`run_id`, renewed `heartbeat_at`); one whose heartbeat
 * stopped is taken over by another under a new `run_id`. The finished file lives in
 * `export_job_chunks` (in the database every process shares, so any of them can serve it),
 * written by the run that finished the job, and is deleted when the job expires.
 */
const statements = [
  sql`CREATE TABLE export_jobs (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    requested_by text NOT NULL,
    -- What a PDF prints as who asked for it, and in which language; kept as at the request.
    requested_by_name text NOT NULL,
    locale text NOT NULL,
    source text NOT NULL CHECK (source IN ('records', 'auditTrail')),
    format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
    collection text,
    query jsonb NOT NULL,
    columns jsonb,
    audit_through_seq bigint,
    file_name text NOT NULL,
    state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    rows_done bigint NOT NULL DEFAULT 0,
    rows_total bigint,
    size_bytes bigint,
    run_id uuid,
    created_at timestamptz NOT NULL,
    started_at timestamptz,
    heartbeat_at timestamptz,
    finished_at timestamptz,
    expires_at timestamptz,
    problem jsonb
  )`,
  sql`CREATE INDEX export_jobs_org_idx ON export_jobs (org_id, created_at)`,
  // The sweep looks for abandoned jobs and expired files; both are few among all jobs.
  sql`CREATE INDEX export_jobs_unfinished_idx ON export_jobs (created_at) WHERE state IN ('queued', 'running')`,
  sql`CREATE INDEX export_jobs_expires_idx ON export_jobs (expires_at) WHERE expires_at IS NOT NULL`,
  sql`CREATE TABLE export_job_chunks (
    job_id uuid NOT NULL REFERENCES export_jobs (id) ON DELETE CASCADE,
    run_id uuid NOT NULL,
    seq integer NOT NULL,
    bytes bytea NOT NULL,
    PRIMARY KEY (job_id, run_id, seq)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
