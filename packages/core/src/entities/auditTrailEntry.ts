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
  'link',
  'unlink',
  // A copy of records or of the trail left the system (who exported what, with which filters).
  'export',
  // Records came in from a file (who imported which file, into which collection); each record has its own create.
  'import',
  // An organization setting removed (a saved report deleted): its last values are the entry's old values.
  'delete',
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

/**
 * Why verification stopped where it did:
 * - `entry_changed`: the entry's columns no longer give its stored hash, so it was edited;
 * - `link_broken`: the entry does not point at the hash of the one before it (one was replaced or reordered);
 * - `entry_missing`: no entry has this number, though the chain goes on past it (or the head says it exists);
 * - `head_mismatch`: the chain head (last number and hash) disagrees with the last entry;
 * - `checkpoint_mismatch`: the chain holds together, but this entry's hash is not the one a signed
 *   checkpoint (kept outside the database) states: the trail was rewritten and its hashes recomputed;
 * - `rolled_back`: the trail ends before the last signed checkpoint: its newest entries were removed;
 * - `checkpoint_forged`: a checkpoint's signature does not hold under any trusted audit key;
 * - `signature_mismatch`: a stored signature differs from the one its audit entry recorded (swapped or
 *   edited), or has no entry at all (`signatureId` names it).
 */
export const auditChainBreaks = [
  'entry_changed',
  'link_broken',
  'entry_missing',
  'head_mismatch',
  'checkpoint_mismatch',
  'rolled_back',
  'checkpoint_forged',
  'signature_mismatch',
] as const;
export type AuditChainBreak = (typeof auditChainBreaks)[number];

/** The answer of `GET /audit-trail/verify`: the chain is whole, or where and why it first breaks. */
export const auditChainVerificationSchema = z.union([
  z.object({
    ok: z.literal(true),
    entries: z.int(),
    headHash: z.string(),
    /**
     * Entries up to this number were recomputed by the last full verification (a background
     * job) and are checked here against the signed checkpoints only; those after it were recomputed now.
     */
    recomputedAfter: z.optional(z.int()),
  }),
  z.object({
    ok: z.literal(false),
    /** Entries found intact before the break. */
    entries: z.int(),
    /** The first entry that is not as appended; `id` is null when that entry is gone. */
    brokenAt: z.object({
      seq: z.int(),
      id: z.nullable(z.string()),
      reason: z.enum(auditChainBreaks),
      signatureId: z.optional(z.string()),
    }),
  }),
]);
export type AuditChainVerification = z.infer<typeof auditChainVerificationSchema>;
