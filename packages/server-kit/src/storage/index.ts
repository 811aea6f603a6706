export type { PgliteStorageOptions } from './createPgliteStorage';
export { createPgliteStorage } from './createPgliteStorage';
export type { PostgresStorageOptions } from './createPostgresStorage';
export { createPostgresStorage } from './createPostgresStorage';
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
export type { IdempotentRequest, IdempotentResponse } from './idempotency';
export { IdempotencyConflictError, purgeIdempotencyKeys, runIdempotent } from './idempotency';
export type { ListQueryErrorCode } from './listQueryError';
export { ListQueryError } from './listQueryError';
export type { ListFilterValue, ListRecordsOptions, RecordPage } from './listRecords';
export type { PurgeExpiredRowsOptions } from './purgeExpiredRows';
export { defaultRetention, purgeExpiredRows } from './purgeExpiredRows';
export type { RecordSortKey } from './recordSortKeys';
export { recordSortKeys } from './recordSortKeys';
export {
  countRelated,
  findRecord,
  insertRecord,
  listRecords,
  nextRecordNumber,
  updateRecordIfVersion,
} from './records';
export { recordTableName } from './recordTableName';
export type { MigrateOptions, Storage } from './storage';
