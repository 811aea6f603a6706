/** Types */
export type {
  AttachmentsTable,
  AuditChainHeadsTable,
  AuditTrailTable,
  CommentsTable,
  Database,
  IdempotencyKeysTable,
  NotificationsTable,
  OrganizationsTable,
  OutboxTable,
  RecordCountersTable,
  RecordTable,
  RolesTable,
  SignaturesTable,
  UserRolesTable,
  UsersTable,
} from './database';
export type { Storage } from './storage';
export type { PgliteStorageOptions } from './createPgliteStorage';
export type { PostgresStorageOptions } from './createPostgresStorage';
export type { ListFilterValue, ListRecordsOptions, RecordPage } from './listRecords';
export type { ListQueryErrorCode } from './listQueryError';
export type { IdempotentRequest, IdempotentResponse } from './idempotency';
export type { RecordSortKey } from './recordSortKeys';

/** Core */
export { createPgliteStorage } from './createPgliteStorage';
export { createPostgresStorage } from './createPostgresStorage';
export { countRelated, findRecord, insertRecord, listRecords, nextRecordNumber, updateRecordIfVersion } from './records';
export { ListQueryError } from './listQueryError';
export { IdempotencyConflictError, purgeIdempotencyKeys, runIdempotent } from './idempotency';
export { recordTableName } from './recordTableName';
export { recordSortKeys } from './recordSortKeys';
