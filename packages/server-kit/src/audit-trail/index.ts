export type { AuditEntryInput } from './appendAuditEntry';
export { appendAuditEntry } from './appendAuditEntry';
export { auditEntryContent } from './auditEntryContent';
export type { AuditTrailQuery } from './queryAuditTrail';
export { queryAuditTrail } from './queryAuditTrail';
export { recordStateAt } from './recordStateAt';
export type { VerifyAuditChainOptions } from './verifyAuditChain';
export { verifyAuditChain } from './verifyAuditChain';
