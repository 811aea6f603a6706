import * as z from 'zod/mini';

/**
 * Why a signature does not hold for the record it is asked about:
 * - `not_this_record`: the hash-chained audit trail recorded no such signature on this record at
 *   this version: the signature was copied or moved here, or written behind the application's back;
 * - `version_not_found`: the record never had the version the signature names, so there is no
 *   content to recompute;
 * - `content_changed`: the signed version's content, rebuilt now, no longer gives the hash that
 *   was signed (the record was changed at rest, the SHA-256 recorded for a covered attachment was
 *   rewritten, or the signature's hash or list of covered attachments was rewritten);
 * - `attachment_changed`: a covered attachment's stored file is no longer the file that was
 *   signed (its SHA-256 no longer matches the one recorded at upload and covered by the hash);
 * - `attachment_missing`: a covered attachment, or its stored file, is gone.
 * The attachments concerned are the ones in `coveredAttachments` whose `status` is not `intact`.
 */
export const signatureVerificationFailures = [
  'not_this_record',
  'version_not_found',
  'content_changed',
  'attachment_changed',
  'attachment_missing',
] as const;
export type SignatureVerificationFailure = (typeof signatureVerificationFailures)[number];

/**
 * What a covered attachment was found to be at verification:
 * - `intact`: its record is there and its stored file still has the SHA-256 recorded at upload;
 * - `file_changed`: its stored file was replaced or altered;
 * - `missing`: its record or its stored file is gone;
 * - `unchecked`: not looked at, because the signature failed before its attachments could be
 *   (it is not this record's, or the version it names is not there).
 */
export const coveredAttachmentStatuses = ['intact', 'file_changed', 'missing', 'unchecked'] as const;
export type CoveredAttachmentStatus = (typeof coveredAttachmentStatuses)[number];

/** One attachment a signature covers, as verification found it. */
export const coveredAttachmentCheckSchema = z.object({
  id: z.string(),
  /** Null when the attachment's record is gone. */
  fileName: z.nullable(z.string()),
  /** The SHA-256 recorded at upload, the one the content hash covers; null when the record is gone. */
  sha256: z.nullable(z.string()),
  status: z.enum(coveredAttachmentStatuses),
});
export type CoveredAttachmentCheck = z.infer<typeof coveredAttachmentCheckSchema>;

const checked = {
  signatureId: z.string(),
  /** The version the signature names. */
  recordVersion: z.int(),
  /** The hash stored with the signature at signing. */
  contentHash: z.string(),
  /** The manifestation a person reads (21 CFR 11.50). */
  manifestation: z.string(),
  /**
   * The attachments the record had when it was signed, which the content hash covers, sorted by
   * id: attachments added since are not among them (they were not signed). Null for a signature
   * given before signatures covered attachments: its hash covers the record alone.
   */
  coveredAttachments: z.nullable(z.array(coveredAttachmentCheckSchema)),
};

/**
 * The answer of `GET /{collection}/{id}/signatures/{signatureId}/verify`: the content hash of the
 * signed version recomputed now (with the attachments it covers), and whether the signature still
 * binds to exactly that content of this record and to those files (21 CFR 11.70).
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
