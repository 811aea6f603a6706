export { fromAuditVerificationRow } from './auditVerificationRow';
export { lastVerifiedEntry, resumeAuditVerifications, runAuditVerification } from './runAuditVerification';
