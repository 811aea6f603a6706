/** The saved-reports table of migration 0009, as Kysely sees it; reached through `withSavedReports`. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, Jsonb, Timestamp } from '../storage/database';

export type SavedReportsTable = {
  id: string;
  org_id: string;
  name: string;
  record_type: string;
  filters: Jsonb<Record<string, string>>;
  group_by: string | null;
  metric: string;
  cycle_from: string | null;
  cycle_to: string | null;
  columns: Jsonb<string[]>;
  chart: string;
  shared_with_roles: Jsonb<string[]>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
};

// A type alias, not an interface: `withTables` wants types with an index signature.
export type SavedReportTables = { saved_reports: SavedReportsTable };

/** The database with the saved-reports table known to the query builder. */
export function withSavedReports(db: Transaction<Database>): Transaction<Database & SavedReportTables>;
export function withSavedReports(db: Kysely<Database>): Kysely<Database & SavedReportTables>;
export function withSavedReports(db: Kysely<Database>): Kysely<Database & SavedReportTables> {
  return db.withTables<SavedReportTables>();
}
