/** Types */

export * from './audit';
export * from './capa';
export type { Contract } from './contract/buildContract';
export { buildContract } from './contract/buildContract';
export { capaTaskRoutes } from './contract/capaTaskRoutes';
export type { HttpMethod, RouteDefinition, RouteKind } from './contract/defineRoute';
export { defineRoute } from './contract/defineRoute';
export {
  controlledCopyQuerySchema,
  type DocumentKindSetting,
  documentKindPrefixInputSchema,
  documentKindSettingSchema,
  documentRevisionInputSchema,
  documentRoutes,
} from './contract/documentRoutes';
export {
  auditTrailExportQuerySchema,
  exportRoutes,
  recordExportQuerySchema,
  recordExportRoutes,
} from './contract/exportRoutes';
export { importRoutes, recordImportRoutes } from './contract/importRoutes';
export { auditTrailQuerySchema, kitRoutes } from './contract/kitRoutes';
export type { Page } from './contract/listQuery';
export {
  baseSortFields,
  createdRangeShape,
  DEFAULT_PAGE_SIZE,
  filterValues,
  listQuerySchema,
  MAX_PAGE_SIZE,
  pageOf,
  pageQuerySchema,
} from './contract/listQuery';
export type { OutboxDeadLetter } from './contract/outboxRoutes';
export { outboxDeadLetterSchema, outboxRequeueInputSchema, outboxRoutes } from './contract/outboxRoutes';
export { pdfKitRoutes, recordPdfRoutes } from './contract/pdfRoutes';
export type { Problem, ProblemCode, ProblemKind } from './contract/problem';
/** API contract */
export {
  PROBLEM_CONTENT_TYPE,
  problemFor,
  problemKinds,
  problemSchema,
  problemTypes,
} from './contract/problem';
export type { RecordRoutes } from './contract/recordRoutes';
export {
  createBodySchema,
  recordReadQuerySchema,
  recordRoutes,
  transitionBodySchema,
  updateBodySchema,
} from './contract/recordRoutes';
export { recordReportRoute, reportRoutes } from './contract/reportRoutes';
export { traceRoutes } from './contract/traceRoutes';
export { trainingRoutes } from './contract/trainingRoutes';
export { webhookRoutes } from './contract/webhookRoutes';
/** Hashing */
export { canonicalJson } from './crypto/canonicalJson';
export type { CoveredAttachment } from './crypto/contentHash';
export {
  auditEntryHash,
  auditEntryHashInput,
  coveredAttachmentList,
  GENESIS_HASH,
  recordContentHash,
} from './crypto/contentHash';
export { sha256Hex } from './crypto/sha256';
/** Built-in record types */
export * from './deviation';
export * from './document';
export type { Attachment } from './entities/attachment';
export { allowedAttachmentTypes, attachmentSchema } from './entities/attachment';
export type { AuditChainBreak, AuditChainVerification, AuditTrailEntry } from './entities/auditTrailEntry';
/** Entities */
export {
  auditActions,
  auditChainBreaks,
  auditChainVerificationSchema,
  auditTrailEntrySchema,
  fieldChangeSchema,
} from './entities/auditTrailEntry';
export type { AuditVerification, AuditVerificationStatus } from './entities/auditVerification';
export { auditVerificationSchema, auditVerificationStatuses } from './entities/auditVerification';
export type { Comment } from './entities/comment';
export { commentInputSchema, commentSchema } from './entities/comment';
export { OTP_PATTERN, otpCodeSchema } from './entities/oneTimeCode';
export type { Principal } from './entities/principal';
export type { Signature, SignatureInput } from './entities/signature';
export { signatureInputSchema, signatureManifestation, signatureSchema } from './entities/signature';
export type {
  CoveredAttachmentCheck,
  CoveredAttachmentStatus,
  SignatureVerification,
  SignatureVerificationFailure,
} from './entities/signatureVerification';
export {
  coveredAttachmentCheckSchema,
  coveredAttachmentStatuses,
  signatureVerificationFailures,
  signatureVerificationSchema,
} from './entities/signatureVerification';
export type { Notification, Organization, User } from './entities/user';
export {
  localeSchema,
  notificationSchema,
  organizationSchema,
  type SupportedLocale,
  supportedLocales,
  userSchema,
} from './entities/user';
export {
  defaultExportColumns,
  type ExportColumn,
  type ExportColumnKind,
  exportableColumns,
  exportColumnNames,
  resolveExportColumns,
} from './exports/exportColumns';
export {
  auditTrailExportFormats,
  type ExportJob,
  type ExportJobInput,
  type ExportJobState,
  exportColumnsParam,
  exportJobInputSchema,
  exportJobSchema,
  exportJobStates,
  recordExportFormats,
} from './exports/exportJob';
export * from './finding';
export {
  type ImportCell,
  type ImportColumn,
  importRowInput,
  resolveImportColumns,
} from './imports/importColumns';
export {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportedRecord,
  type ImportFormat,
  type ImportJob,
  type ImportJobState,
  type ImportProblem,
  type ImportReport,
  importContentTypes,
  importedRecordSchema,
  importJobSchema,
  importJobStates,
  importProblemCodes,
  importProblemSchema,
  importQuerySchema,
  importReportSchema,
} from './imports/importJob';
/** Links between records */
export type {
  HostObjectKind,
  HostObjectLabel,
  LinkEndType,
  LinkedRecord,
  LinkInput,
  LinkKind,
  LinkKindRule,
  LinkRecordRef,
  LinkRemoval,
  RecordLink,
  Trace,
  TraceLink,
  TraceRecord,
  TraceTraining,
} from './links';
export {
  defineHostObjectKind,
  findHostObjectKind,
  hostObjectHref,
  hostObjectLabel,
  hostObjectRefusal,
  isLinkKind,
  linkAllowed,
  linkedRecordSchema,
  linkInputSchema,
  linkKindNames,
  linkKinds,
  linkKindsFor,
  linkOwnedFields,
  linkRecordRefSchema,
  linkRefusal,
  linkRemovalSchema,
  recordLinkSchema,
  traceLimits,
  traceLinkSchema,
  traceRecordSchema,
  traceSchema,
  traceTrainingSchema,
} from './links';
/** Permissions */
export { can } from './permissions/can';
export { permissionMatrix } from './permissions/matrix';
export type { OrganizationAction } from './permissions/organizationPermissions';
export { organizationPermissions } from './permissions/organizationPermissions';
export type { RecordAction, RecordPermissions } from './permissions/recordPermissions';
export type { DefaultRole } from './permissions/roles';
export { defaultRoleNames, defaultRoles } from './permissions/roles';
export type {
  AcceptedTransition,
  SignatureCheckCode,
  TransitionDecision,
  TransitionRefusal,
  TransitionRefusalCode,
  TransitionRequest,
} from './record-type/decideTransition';
export { decideTransition } from './record-type/decideTransition';
export type {
  RecordOf,
  RecordType,
  RecordTypeConfig,
  RelatedRecordLink,
} from './record-type/defineRecordType';
/** Record types and lifecycles */
export { defineRecordType } from './record-type/defineRecordType';
export { diffRecord } from './record-type/diffRecord';
export type { FieldIssue } from './record-type/fieldIssues';
export { fieldIssuesOf, toJsonPointer } from './record-type/fieldIssues';
export type { AvailableEvent, Refusal, RefusalCode, TransitionOutcome } from './record-type/lifecycle';
export { availableEvents, evaluateTransition, initialStateOf } from './record-type/lifecycle';
export type { LifecycleEvent, RelatedCount } from './record-type/lifecycleEvent';
export { SYSTEM_ACTOR } from './record-type/lifecycleEvent';
export type { ApprovalChain, RequiredFields } from './record-type/lifecycleGuards';
export { actorHoldsNoRoleIn, sharedGuards } from './record-type/lifecycleGuards';
export type { RebuildPoint, RecordWriteEntry } from './record-type/rebuildRecord';
export { rebuildRecord, recordWritingActions } from './record-type/rebuildRecord';
export type { HostRef, RecordBase } from './record-type/recordBase';
export {
  hostRefSchema,
  recordBaseSchema,
  recordBaseShape,
  serverOwnedFields,
} from './record-type/recordBase';
export type { EventOf, FilterFieldOf, SortFieldOf, SortKeyOf } from './record-type/recordTypeKeys';
export type { SignatureMeaning } from './record-type/signatureMeaning';
export { signatureMeaningSchema, signatureMeanings } from './record-type/signatureMeaning';
export { type SignedFacts, signatureTrailChange } from './record-type/signatureTrailChange';
export type { StateTag } from './record-type/stateTags';
export { stateHasTag } from './record-type/stateTags';
export type {
  TransitionAuditEntry,
  TransitionEffects,
  TransitionEffectsInput,
} from './record-type/transitionEffects';
export { transitionEffects } from './record-type/transitionEffects';
export type { TransitionMeta } from './record-type/transitionMeta';
export { unstorableTextIssues } from './record-type/unstorableTextIssues';
export type { RecordTypeRegistry, RegistryOptions } from './registry/createRegistry';
export { createRegistry } from './registry/createRegistry';
export { builtInRegistry, recordTypes } from './registry/recordTypes';
export {
  CYCLE_FROM_CREATION,
  type Kpis,
  kpiQuerySchema,
  kpisSchema,
  type ReportMetric,
  type ReportQuery,
  type ReportResult,
  type ReportRow,
  type ReportTimeBucket,
  reportCharts,
  reportGroupKeys,
  reportMetrics,
  reportOwnKeys,
  reportQuerySchema,
  reportResultSchema,
  reportRowSchema,
  reportTimeBuckets,
  type SavedReport,
  type SavedReportChanges,
  type SavedReportInput,
  savedReportChangesSchema,
  savedReportInputSchema,
  savedReportSchema,
} from './reporting';
/** Training on controlled documents */
export * from './training';
/** Outbound webhooks */
export {
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointChanges,
  type WebhookEndpointInput,
  type WebhookEndpointWithSecret,
  type WebhookReplay,
  webhookDeliverySchema,
  webhookEndpointChangesSchema,
  webhookEndpointInputSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
  webhookEventTypeSchema,
  webhookEventVerbs,
  webhookReplaySchema,
} from './webhooks/webhookEndpoint';
