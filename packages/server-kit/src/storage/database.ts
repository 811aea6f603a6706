/** The tables of the Masetra schema as Kysely sees them (snake_case, as stored). */
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: read as a Date, written as a Date or an ISO 8601 string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Like {@link Timestamp}, for a column the database fills when it is left out. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A bigint column: `pg` reads int8 as a string, PGlite as a number; the repositories convert. */
export type Int8 = ColumnType<string | number, number, number>;
/** A jsonb column: read as parsed JSON, written as JSON text (see `toJsonb`). */
export type Jsonb<T> = ColumnType<T, string, string>;

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  id: string;
  org_id: string;
  /** Stored lower-cased; the database checks it. */
  email: string;
  display_name: string;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface RolesTable {
  name: string;
  description: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface AuditTrailTable {
  id: string;
  org_id: string;
  seq: Int8;
  at: Timestamp;
  actor_id: string;
  actor_name: string;
  action: string;
  record_type: string;
  record_id: string;
  record_number: string | null;
  changes: Jsonb<unknown>;
  reason: string | null;
  source: Jsonb<unknown> | null;
  state_from: string | null;
  state_to: string | null;
  previous_hash: string;
  hash: string;
}

export interface AuditChainHeadsTable {
  org_id: string;
  seq: Int8;
  hash: string;
}

export interface SignaturesTable {
  id: string;
  org_id: string;
  record_type: string;
  record_id: string;
  record_version: number;
  content_hash: string;
  signer_id: string;
  signer_name: string;
  meaning: string;
  event: string | null;
  signed_at: Timestamp;
  /** Ids of the attachments the signature covers, sorted; null on a signature given before 0005. */
  covered_attachments: ColumnType<string[] | null, string | null | undefined, never>;
}

export interface AttachmentsTable {
  id: string;
  org_id: string;
  record_type: string;
  record_id: string;
  file_name: string;
  content_type: string;
  size_bytes: Int8;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface CommentsTable {
  id: string;
  org_id: string;
  record_type: string;
  record_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: string;
  record_type: string | null;
  record_id: string | null;
  title: string;
  body: string | null;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
}

export interface OutboxTable {
  id: string;
  org_id: string;
  type: string;
  payload: Jsonb<unknown>;
  created_at: DefaultTimestamp;
  available_at: DefaultTimestamp;
  attempts: Generated<number>;
  locked_until: Timestamp | null;
  delivered_at: Timestamp | null;
  last_error: string | null;
  /** Set when the event failed past its retry limit: a dead letter, until requeued. */
  dead_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  org_id: string;
  key: string;
  user_id: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_headers: Jsonb<Record<string, string>> | null;
  response_body: string | null;
  created_at: DefaultTimestamp;
}

export interface RecordCountersTable {
  org_id: string;
  record_type: string;
  year: number;
  last_value: number;
}

/**
 * The fixed tables. Each record type's own table (`deviations`, `capas`, ...) is named after
 * its collection and has the {@link RecordTable} shape; reach it through `recordTableName`.
 */
export interface AuditVerificationsTable {
  id: string;
  org_id: string;
  status: string;
  requested_by: string;
  requested_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** Advanced while the job runs; a running job whose heartbeat stopped is taken over. */
  heartbeat_at: Timestamp | null;
  /** Filled by the database (0) when a job is queued. */
  entries_verified: ColumnType<string | number, number | undefined, number>;
  entries_total: Int8 | null;
  result: Jsonb<unknown> | null;
}

/** A typed link between two records, or from a record to a host object (migration 0006). */
export interface RecordLinksTable {
  id: string;
  org_id: string;
  kind: string;
  from_type: string;
  from_id: string;
  /** The target record's type; '' when the target is a host object. */
  to_type: string;
  /** The host system and object kind; '' when the target is a record. */
  to_system: ColumnType<string, string | undefined, never>;
  to_kind: ColumnType<string, string | undefined, never>;
  to_id: string;
  to_label: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
  removed_by: string | null;
  removed_by_name: string | null;
  removed_at: Timestamp | null;
  removal_reason: string | null;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  roles: RolesTable;
  user_roles: UserRolesTable;
  audit_trail: AuditTrailTable;
  audit_chain_heads: AuditChainHeadsTable;
  signatures: SignaturesTable;
  attachments: AttachmentsTable;
  comments: CommentsTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  record_counters: RecordCountersTable;
  audit_verifications: AuditVerificationsTable;
  record_links: RecordLinksTable;
}

/** One row of a record type's table. */
export interface RecordTable {
  id: string;
  org_id: string;
  number: string;
  state: string;
  version: number;
  owner_id: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  state_before_cancellation: string | null;
  title: string | null;
  parent_id: string | null;
  /** The record type's own fields. */
  data: Jsonb<Record<string, unknown>>;
  /** Generated by the database from the type's search fields. */
  search: ColumnType<string, never, never>;
}
