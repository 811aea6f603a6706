import * as z from 'zod/mini';

export const attachmentSchema = z.object({
  id: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.iso.datetime(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Content types an attachment may have; anything else is refused (415). */
export const allowedAttachmentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
