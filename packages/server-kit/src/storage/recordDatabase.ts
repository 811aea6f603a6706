import type { Kysely, Transaction } from 'kysely';
import type { Database, RecordTable } from './database';

/** Record tables are named at run time, from the registry; each has the same shape. */
export type RecordDatabase = Record<string, RecordTable>;

/** The same connection, seen as one that holds record tables under any name. */
export function asRecordDatabase(db: Kysely<Database>): Kysely<RecordDatabase>;
export function asRecordDatabase(db: Transaction<Database>): Transaction<RecordDatabase>;
export function asRecordDatabase(db: Kysely<Database>): Kysely<RecordDatabase> {
  return db as unknown as Kysely<RecordDatabase>;
}

/** The columns a record is read from; `search` stays in the database. */
export const recordColumns = [
  'id',
  'org_id',
  'number',
  'state',
  'version',
  'owner_id',
  'created_by',
  'created_at',
  'updated_at',
  'state_before_cancellation',
  'data',
] as const;

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
