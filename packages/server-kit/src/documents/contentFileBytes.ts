import type { ControlledDocument, DocumentContentFile } from '@masetra/core';
import { FileNotFoundError, InvalidFileKeyError } from '../files/FileStore';
import type { RequestContext } from '../http/KitContext';
import { problems } from '../http/problems';
import { findAttachment, type StoredAttachment } from '../repositories/attachments';
import { sha256Hex } from './sha256Hex';

/** Reads a whole stream: content files are bounded by the attachment limit. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The version's content file and its attachment row, or a 404 when it has none. */
export async function contentAttachment(
  context: RequestContext,
  document: ControlledDocument,
): Promise<{ file: DocumentContentFile; attachment: StoredAttachment }> {
  const file = document.contentFile;
  const attachment = file
    ? await findAttachment(
        context.kit.storage.db,
        context.principal.orgId,
        document.type,
        document.id,
        file.attachmentId,
      )
    : null;
  if (!file || !attachment || !context.kit.files) {
    throw problems.notFound(`${document.number} v${document.versionLabel ?? '0.1'} has no content file.`);
  }
  return { file, attachment };
}

/**
 * The content file's bytes, checked against the SHA-256 recorded on upload (the one the
 * signatures bind to): a file changed at rest is refused, never delivered as controlled.
 */
export async function verifiedContentBytes(
  context: RequestContext,
  document: ControlledDocument,
): Promise<{ file: DocumentContentFile; bytes: Uint8Array }> {
  const { file, attachment } = await contentAttachment(context, document);
  let bytes: Uint8Array | null = null;
  try {
    bytes = await readAll(
      await (context.kit.files?.get(attachment.storageKey) as Promise<ReadableStream<Uint8Array>>),
    );
  } catch (error) {
    if (!(error instanceof FileNotFoundError || error instanceof InvalidFileKeyError)) throw error;
  }
  if (!bytes || (await sha256Hex(bytes)) !== file.sha256 || attachment.sha256 !== file.sha256) {
    throw problems.conflict(
      `${file.fileName} is not the file that was approved: its SHA-256 no longer matches the one recorded.`,
      'attachment_changed',
    );
  }
  return { file, bytes };
}
