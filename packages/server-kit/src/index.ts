/** Types */

export type {
  AuditCheckpoint,
  AuditCheckpointer,
  AuditCheckpointing,
  AuditCheckpointStore,
  AuditKey,
} from './audit-checkpoints';
export {
  createAuditKey,
  createFileCheckpointStore,
  generateAuditKeyPem,
  verifyAuditTrail,
} from './audit-checkpoints';
export type { AuditEntryInput, AuditTrailQuery } from './audit-trail';
export { appendAuditEntry, queryAuditTrail, recordStateAt, verifyAuditChain } from './audit-trail';
export { CAPA_TASK_ASSIGNED, notifyCapaTaskOwners } from './capa-tasks';
export type { QmsHandler } from './createQms';
/** Core */
export { createQms } from './createQms';
export { DEFAULT_EXPORT_RETENTION_DAYS, EXPORT_JOB_EVENT } from './exports';
export type { FileStore, LocalFileStoreOptions, StoredFile } from './files';
export { createLocalFileStore, FileTooLargeError } from './files';
export type { ProblemInit } from './http/ProblemError';
export { ProblemError } from './http/ProblemError';
export { IMPORT_JOB_EVENT } from './imports';
export type {
  FanOutOptions,
  OutboxEvent,
  OutboxEventInput,
  OutboxRetryPolicy,
  OutboxWorker,
  OutboxWorkerOptions,
} from './outbox';
export {
  createOutboxWorker,
  DEFAULT_OUTBOX_MAX_ATTEMPTS,
  fanOutOutboxEvent,
  OUTBOX_DEAD_LETTER_TRAIL_TYPE,
} from './outbox';
export type {
  DomainEvent,
  QmsHooks,
  QmsOptions,
  VerifySignerInput,
  VerifySignerResult,
} from './services/QmsOptions';
export { runScheduledTransitions } from './services/systemTransitions';
export type {
  Database,
  MigrateOptions,
  PgliteStorageOptions,
  PostgresStorageOptions,
  PurgeExpiredRowsOptions,
  Storage,
} from './storage';
export { createPgliteStorage, createPostgresStorage, defaultRetention, purgeExpiredRows } from './storage';
export type { DisabledWebhookEndpoint, WebhookDeliveryOptions, WebhookDeliveryPayload } from './webhooks';
export {
  createWebhookDelivery,
  WEBHOOK_DELIVERY_EVENT,
  WEBHOOK_TRAIL_TYPE,
  webhookDestinations,
} from './webhooks';
