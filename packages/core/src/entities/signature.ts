import * as z from 'zod/mini';
import { signatureMeaningSchema } from '../record-type/signatureMeaning';
import { otpCodeSchema } from './oneTimeCode';

/**
 * A stored electronic signature: printed name, time and meaning (21 CFR 11.50), bound to
 * the hash of exactly the record version signed (11.70).
 */
export const signatureSchema = z.object({
  id: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  recordVersion: z.int(),
  contentHash: z.string(),
  signerId: z.string(),
  signerName: z.string(),
  meaning: signatureMeaningSchema,
  event: z.string(),
  signedAt: z.iso.datetime(),
  /** The manifestation a person reads, e.g. "Approved by Dana Reyes, 2026-11-25 14:03 UTC". */
  manifestation: z.string(),
  /**
   * The ids of the record's attachments when it was signed, sorted: `contentHash` covers each
   * one's SHA-256 with the record (core's `recordContentHash`). Empty when the record had none.
   * Absent on a signature given before signatures covered attachments: its hash covers the
   * record alone.
   */
  coveredAttachments: z.optional(z.array(z.string())),
});
export type Signature = z.infer<typeof signatureSchema>;

/** What a signer sends with a transition: the re-authentication and the declared meaning. */
export const signatureInputSchema = z.strictObject({
  /** The user id component (e-mail); required on the first signing of a session (11.200(a)(1)). */
  username: z.optional(z.string().check(z.maxLength(320))),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
  otp: z.optional(otpCodeSchema),
  meaning: signatureMeaningSchema,
});
export type SignatureInput = z.infer<typeof signatureInputSchema>;

const meaningVerbs = {
  authorship: 'Authored',
  review: 'Reviewed',
  approval: 'Approved',
  verification: 'Verified',
  responsibility: 'Responsibility taken',
  read_and_understood: 'Read and understood',
} as const;

/** The signature manifestation in English; screens translate it through their message catalog. */
export function signatureManifestation(
  signature: Pick<Signature, 'meaning' | 'signerName' | 'signedAt'>,
): string {
  const when = `${signature.signedAt.slice(0, 10)} ${signature.signedAt.slice(11, 16)} UTC`;
  return `${meaningVerbs[signature.meaning]} by ${signature.signerName}, ${when}`;
}
