export type { AuditCheckpoint, AuditCheckpointStore, UnsignedAuditCheckpoint } from './AuditCheckpoint';
export type { AuditCheckpointer, AuditCheckpointing, CheckpointedHashes } from './createAuditCheckpointer';
export type { AuditKey } from './createAuditKey';
export { createAuditKey, generateAuditKeyPem } from './createAuditKey';
export { createFileCheckpointStore } from './createFileCheckpointStore';
export { verifyAuditTrail } from './verifyAuditTrail';
