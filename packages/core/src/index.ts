/** Types */
export type { RecordType, RecordTypeConfig, RecordOf, RelatedRecordLink } from './record-type/defineRecordType';
export type { AvailableEvent, RefusalCode, TransitionOutcome } from './record-type/lifecycle';
export type { LifecycleEvent, RelatedCount } from './record-type/lifecycleEvent';
export type { RequiredFields } from './record-type/lifecycleGuards';
export type { FieldIssue } from './record-type/fieldIssues';
export type { RecordBase, HostRef } from './record-type/recordBase';
export type { SignatureMeaning } from './record-type/signatureMeaning';
export type { TransitionMeta } from './record-type/transitionMeta';
export type { RecordTypeRegistry } from './registry/createRegistry';
export type { Principal } from './entities/principal';
export type { AuditTrailEntry, AuditChainVerification } from './entities/auditTrailEntry';
export type { Signature, SignatureInput } from './entities/signature';
export type { Attachment } from './entities/attachment';
export type { Comment } from './entities/comment';
export type { User, Organization, Notification } from './entities/user';
export type { RecordPermissions, RecordAction } from './permissions/recordPermissions';
export type { DefaultRole } from './permissions/roles';
export type { Problem } from './contract/problem';
export type { HttpMethod, RouteDefinition, RouteKind } from './contract/defineRoute';
export type { RecordRoutes } from './contract/recordRoutes';
export type { Contract } from './contract/buildContract';
export type { SessionUser, Tokens } from './contract/authRoutes';

/** Record types and lifecycles */
export { defineRecordType } from './record-type/defineRecordType';
export { availableEvents, evaluateTransition, initialStateOf } from './record-type/lifecycle';
export { SYSTEM_ACTOR } from './record-type/lifecycleEvent';
export { sharedGuards } from './record-type/lifecycleGuards';
export { fieldIssuesOf, toJsonPointer } from './record-type/fieldIssues';
export { hostRefSchema, recordBaseSchema, recordBaseShape, serverOwnedFields } from './record-type/recordBase';
export { signatureMeaningSchema, signatureMeanings } from './record-type/signatureMeaning';
export { createRegistry } from './registry/createRegistry';
export { builtInRegistry, recordTypes } from './registry/recordTypes';

/** Entities */
export { auditActions, auditChainVerificationSchema, auditTrailEntrySchema, fieldChangeSchema } from './entities/auditTrailEntry';
export { signatureInputSchema, signatureManifestation, signatureSchema } from './entities/signature';
export { allowedAttachmentTypes, attachmentSchema } from './entities/attachment';
export { commentInputSchema, commentSchema } from './entities/comment';
export { notificationSchema, organizationSchema, userSchema } from './entities/user';

/** Permissions */
export { can } from './permissions/can';
export { permissionMatrix } from './permissions/matrix';
export { defaultRoleNames, defaultRoles } from './permissions/roles';

/** API contract */
export { PROBLEM_CONTENT_TYPE, problemSchema, problemTypes } from './contract/problem';
export { defineRoute } from './contract/defineRoute';
export {
  baseSortFields,
  DEFAULT_PAGE_SIZE,
  filterValues,
  listQuerySchema,
  MAX_PAGE_SIZE,
  pageOf,
  pageQuerySchema,
} from './contract/listQuery';
export { recordRoutes, transitionBodySchema, updateBodySchema } from './contract/recordRoutes';
export { auditTrailQuerySchema, kitRoutes } from './contract/kitRoutes';
export { authRoutes, sessionUserSchema, tokensSchema } from './contract/authRoutes';
export { buildContract } from './contract/buildContract';

/** Hashing */
export { canonicalJson } from './crypto/canonicalJson';
export { sha256Hex } from './crypto/sha256';
export { auditEntryHash, GENESIS_HASH, recordContentHash } from './crypto/contentHash';

/** Built-in record types */
export * from './deviation';
