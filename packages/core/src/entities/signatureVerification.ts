import * as z from 'zod/mini';

/**
 * Why a signature does not hold for the record it is asked about:
 * - `not_this_record`: the hash-chained audit trail recorded no such signature on this record at
 *   this version: the signature was copied or moved here, or written behind the application's back;
 * - `version_not_found`: the record never had the version the signature names, so there is no
 *   content to recompute;
 * - `content_changed`: the signed version's content, rebuilt now, no longer gives the hash that
 *   was signed (the record was changed at rest, or the signature's hash was rewritten).
 */
export const signatureVerificationFailures = [
  'not_this_record',
  'version_not_found',
  'content_changed',
] as const;
export type SignatureVerificationFailure = (typeof signatureVerificationFailures)[number];

const checked = {
  signatureId: z.string(),
  /** The version the signature names. */
  recordVersion: z.int(),
  /** The hash stored with the signature at signing. */
  contentHash: z.string(),
  /** The manifestation a person reads (21 CFR 11.50). */
  manifestation: z.string(),
};

/**
 * The answer of `GET /{collection}/{id}/signatures/{signatureId}/verify`: the content hash of the
 * signed version recomputed now, and whether the signature still binds to exactly that content
 * of this record (21 CFR 11.70).
 */
export const signatureVerificationSchema = z.union([
  z.object({ ok: z.literal(true), ...checked, recomputedHash: z.string() }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(signatureVerificationFailures),
    ...checked,
    /** Null when there was no content to hash. */
    recomputedHash: z.nullable(z.string()),
  }),
]);
export type SignatureVerification = z.infer<typeof signatureVerificationSchema>;
