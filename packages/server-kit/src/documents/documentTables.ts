/** The document-control tables of migration 0007, as Kysely sees them. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, Timestamp } from '../storage/database';

export interface DocumentKindPrefixesTable {
  org_id: string;
  kind: string;
  prefix: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DocumentNumberCountersTable {
  org_id: string;
  prefix: string;
  last_value: number;
}

export type DocumentDatabase = Database & {
  document_kind_prefixes: DocumentKindPrefixesTable;
  document_number_counters: DocumentNumberCountersTable;
};

/** The same connection or transaction, typed with the document-control tables. */
export function withDocumentTables(db: Kysely<Database>): Kysely<DocumentDatabase>;
export function withDocumentTables(db: Transaction<Database>): Transaction<DocumentDatabase>;
export function withDocumentTables(db: Kysely<Database> | Transaction<Database>) {
  return db as unknown as Kysely<DocumentDatabase>;
}
