import * as z from 'zod/mini';

/** Media types a document's content file may have: PDF, and the Office formats documents are written in. */
export const documentContentTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/**
 * The controlled content of one document version, as the server records it on upload. The
 * bytes are an attachment of the version (`attachmentId`), so signature verification reads the
 * stored file back; the SHA-256 here is part of the record, so the content hash every review
 * and approval signature binds to covers the file.
 */
export const documentContentFileSchema = z.object({
  attachmentId: z.string().check(z.maxLength(64)),
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  mediaType: z.enum(documentContentTypes),
  sizeBytes: z.int().check(z.gte(0)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  uploadedBy: z.string().check(z.maxLength(200)),
  uploadedAt: z.iso.datetime({ offset: true }),
});
export type DocumentContentFile = z.infer<typeof documentContentFileSchema>;
