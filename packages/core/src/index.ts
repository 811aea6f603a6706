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

/** Core */
export { defineRecordType } from './record-type/defineRecordType';
export { availableEvents, evaluateTransition, initialStateOf } from './record-type/lifecycle';
export { SYSTEM_ACTOR } from './record-type/lifecycleEvent';
export { sharedGuards } from './record-type/lifecycleGuards';
export { fieldIssuesOf, toJsonPointer } from './record-type/fieldIssues';
export { hostRefSchema, recordBaseSchema, recordBaseShape, serverOwnedFields } from './record-type/recordBase';
export { signatureMeaningSchema, signatureMeanings } from './record-type/signatureMeaning';
export { createRegistry } from './registry/createRegistry';
export { builtInRegistry, recordTypes } from './registry/recordTypes';
export { canonicalJson } from './crypto/canonicalJson';
export { sha256Hex } from './crypto/sha256';
export { auditEntryHash, GENESIS_HASH, recordContentHash } from './crypto/contentHash';

/** Record types */
export * from './deviation';
