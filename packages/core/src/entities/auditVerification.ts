import * as z from 'zod/mini';
import { auditChainVerificationSchema } from './auditTrailEntry';

/** Where a full verification of an organization's trail stands. */
export const auditVerificationStatuses = ['queued', 'running', 'ok', 'broken', 'failed'] as const;
export type AuditVerificationStatus = (typeof auditVerificationStatuses)[number];

/**
 * A full verification of the trail, run as a background job: a chain of millions of entries
 * takes minutes, so a reviewer starts it, follows its progress, and reads the stored result.
 */
export const auditVerificationSchema = z.object({
  id: z.string(),
  status: z.enum(auditVerificationStatuses),
  requestedBy: z.string(),
  requestedAt: z.string(),
  startedAt: z.nullable(z.string()),
  finishedAt: z.nullable(z.string()),
  /** Entries recomputed so far. */
  entriesVerified: z.int(),
  /** Entries of the trail when the job started; more may be appended while it runs. */
  entriesTotal: z.nullable(z.int()),
  /** The verification's answer once `ok` or `broken`. */
  result: z.nullable(auditChainVerificationSchema),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
