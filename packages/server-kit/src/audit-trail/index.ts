export { appendAuditEntry } from './appendAuditEntry';
export { auditEntryContent } from './auditEntryContent';
export type { AuditTrailPage, AuditTrailQuery } from './queryAuditTrail';
export { queryAuditTrail } from './queryAuditTrail';
export { recordStateAt } from './recordStateAt';
export type { AuditChange, AuditEntry, AuditEntryInput, AuditSource } from './types';
export type { AuditChainBreak, AuditChainVerification, VerifyAuditChainOptions } from './verifyAuditChain';
export { verifyAuditChain } from './verifyAuditChain';
