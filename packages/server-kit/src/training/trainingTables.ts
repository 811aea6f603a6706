/** The training tables of migration 0008, as Kysely sees them; reached through `withTraining`. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, Jsonb, Timestamp } from '../storage/database';

export type TrainingTasksTable = {
  id: string;
  org_id: string;
  document_type: string;
  document_id: string;
  document_number: string;
  document_title: string;
  version_label: string;
  document_kind: string | null;
  content_hash: string;
  assignee_id: string;
  assignee_name: string;
  status: 'open' | 'acknowledged' | 'superseded';
  assigned_at: Timestamp;
  due_on: string;
  acknowledged_at: Timestamp | null;
  signature_id: string | null;
  closed_at: Timestamp | null;
};

export type TrainingKindSettingsTable = {
  org_id: string;
  document_kind: string;
  roles: Jsonb<string[]>;
  user_ids: Jsonb<string[]>;
  due_days: number;
  updated_at: Timestamp;
  updated_by: string;
};

// Type aliases, not interfaces: `withTables` wants types with an index signature.
export type TrainingTables = {
  training_tasks: TrainingTasksTable;
  training_kind_settings: TrainingKindSettingsTable;
};

export type TrainingDatabase = Database & TrainingTables;

/** The database with the training tables known to the query builder. */
export function withTraining(db: Transaction<Database>): Transaction<TrainingDatabase>;
export function withTraining(db: Kysely<Database>): Kysely<TrainingDatabase>;
export function withTraining(db: Kysely<Database>): Kysely<TrainingDatabase> {
  return db.withTables<TrainingTables>();
}
