import * as z from 'zod/mini';

/** One changed field: what was recorded before and what is recorded now. */
export const fieldChangeSchema = z.object({
  field: z.string(),
  old: z.optional(z.unknown()),
  new: z.optional(z.unknown()),
});

export const auditActions = [
  'create',
  'update',
  'transition',
  'signature',
  'signature_failed',
  'attachment',
  'comment',
] as const;

/** An audit-trail entry: who, when (server time), what, and why (21 CFR 11.10(e)). */
export const auditTrailEntrySchema = z.object({
  id: z.string(),
  orgId: z.string(),
  /** Position in the organization's hash chain, from 1. */
  seq: z.int(),
  at: z.iso.datetime(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  recordNumber: z.nullable(z.string()),
  changes: z.array(fieldChangeSchema),
  reason: z.nullable(z.string()),
  source: z.nullable(z.record(z.string(), z.unknown())),
  stateFrom: z.nullable(z.string()),
  stateTo: z.nullable(z.string()),
  previousHash: z.string(),
  hash: z.string(),
});
export type AuditTrailEntry = z.infer<typeof auditTrailEntrySchema>;

export const auditChainVerificationSchema = z.union([
  z.object({ ok: z.literal(true), entries: z.int(), headHash: z.string() }),
  z.object({
    ok: z.literal(false),
    entries: z.int(),
    brokenAt: z.object({ seq: z.int(), id: z.nullable(z.string()) }),
  }),
]);
export type AuditChainVerification = z.infer<typeof auditChainVerificationSchema>;
