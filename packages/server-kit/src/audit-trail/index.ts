/** Types */
export type { AuditChange, AuditEntry, AuditEntryInput, AuditSource } from './types';
export type { AuditTrailPage, AuditTrailQuery } from './queryAuditTrail';
export type { AuditChainBreak, AuditChainVerification, VerifyAuditChainOptions } from './verifyAuditChain';

/** Core */
export { appendAuditEntry } from './appendAuditEntry';
export { auditEntryContent } from './auditEntryContent';
export { queryAuditTrail } from './queryAuditTrail';
export { recordStateAt } from './recordStateAt';
export { verifyAuditChain } from './verifyAuditChain';
