import type { Database, Jsonb, Timestamp } from '../storage/database';

/** An import run as a background job (migration 0013). */
export interface ImportJobsTable {
  id: string;
  org_id: string;
  record_type: string;
  collection: string;
  /** The file's SHA-256: one job per file, organization and record type. */
  sha256: string;
  format: string;
  file_name: string | null;
  file: Uint8Array;
  requested_by: string;
  /** The requester as at the request: the records are created as theirs, with their roles. */
  principal: Jsonb<Record<string, unknown>>;
  source: Jsonb<Record<string, unknown>> | null;
  state: string;
  rows_total: number;
  /** The run that holds the job; a run that lost it to a takeover creates nothing more. */
  run_id: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
  problem: Jsonb<Record<string, unknown>> | null;
}

/** Which record each row of a job created, written in the transaction that created it. */
export interface ImportJobRowsTable {
  job_id: string;
  row_number: number;
  record_id: string;
  record_number: string;
}

export type ImportDatabase = Database & {
  import_jobs: ImportJobsTable;
  import_job_rows: ImportJobRowsTable;
};
