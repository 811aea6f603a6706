import type * as z from 'zod/mini';
import type { fieldChangeSchema } from '../entities/auditTrailEntry';

type FieldChange = z.infer<typeof fieldChangeSchema>;

/** What of a signature its trail entry records, and what trail verification compares it with. */
export interface SignedFacts {
  id: string;
  signerName: string;
  meaning: string;
  recordVersion: number;
  contentHash: string;
  coveredAttachments?: readonly string[] | undefined;
}

/**
 * The change a signature's trail entry holds (`signature: null → …`): one shape for every way a
 * record is signed (a lifecycle move, a training acknowledgement), so a signature can always be
 * checked against its entry. `extra` adds what only one way knows (the training task signed).
 */
export function signatureTrailChange(
  signature: SignedFacts,
  extra: Record<string, unknown> = {},
): FieldChange {
  return {
    field: 'signature',
    old: null,
    new: {
      signatureId: signature.id,
      signerName: signature.signerName,
      meaning: signature.meaning,
      recordVersion: signature.recordVersion,
      contentHash: signature.contentHash,
      // The trail says what the hash covers, so the attachments signed can be read off it.
      ...(signature.coveredAttachments ? { coveredAttachments: signature.coveredAttachments } : {}),
      ...extra,
    },
  };
}
