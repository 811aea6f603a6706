import * as z from 'zod/mini';

/** What a signer declares by signing (21 CFR 11.50(a)(3)). */
export const signatureMeanings = [
  'authorship',
  'review',
  'approval',
  'verification',
  'responsibility',
  /** A training acknowledgement: the signer read and understood this document version. */
  'read_and_understood',
] as const;
export const signatureMeaningSchema = z.enum(signatureMeanings);
export type SignatureMeaning = (typeof signatureMeanings)[number];
