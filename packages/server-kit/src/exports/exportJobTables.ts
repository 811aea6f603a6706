import type { ColumnType } from 'kysely';
import type { Database, Int8, Jsonb, Timestamp } from '../storage/database';

/** An export run as a background job (migration 0010). */
export interface ExportJobsTable {
  id: string;
  org_id: string;
  requested_by: string;
  /** The requester's printed name and language, for what a PDF prints (`Quinn QA (quinn)`). */
  requested_by_name: string;
  locale: string;
  source: string;
  format: string;
  collection: string | null;
  query: Jsonb<Record<string, string>>;
  columns: Jsonb<string[]> | null;
  /** An audit-trail export holds the entries up to this `seq`: the trail when the job was asked for. */
  audit_through_seq: Int8 | null;
  file_name: string;
  state: string;
  /** Filled by the database (0) when a job is queued. */
  rows_done: ColumnType<string | number, number | undefined, number>;
  rows_total: Int8 | null;
  size_bytes: Int8 | null;
  /** The run that holds the job; a run that lost it to a takeover writes nothing more. */
  run_id: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  /** Renewed after each page; a running job whose heartbeat stopped is taken over. */
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
  expires_at: Timestamp | null;
  problem: Jsonb<Record<string, unknown>> | null;
}

/** The finished file of a job, in pieces of about a megabyte, by the run that wrote it. */
export interface ExportJobChunksTable {
  job_id: string;
  run_id: string;
  seq: number;
  bytes: Uint8Array;
}

export type ExportDatabase = Database & {
  export_jobs: ExportJobsTable;
  export_job_chunks: ExportJobChunksTable;
};
