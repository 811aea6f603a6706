import {
  type ControlledDocument,
  type DocumentContentFile,
  documentContentTypes,
  type RecordBase,
} from '@masetra/core';
import { v7 as uuidv7 } from 'uuid';
import { FileTooLargeError } from '../files/FileStore';
import { authorize } from '../http/authorize';
import { displayFileName } from '../http/handlers/attachments';
import { checkLeadingBytes } from '../http/handlers/checkLeadingBytes';
import { assertCurrent, expectedVersion } from '../http/ifMatch';
import type { RequestContext } from '../http/KitContext';
import { problems } from '../http/problems';
import { etagOf } from '../http/responses';
import { runWrite } from '../http/runWrite';
import { insertAttachment } from '../repositories/attachments';
import { updateRecord } from '../services/updateRecord';
import { findRecord } from '../storage/records';
import { readAll } from './contentFileBytes';
import { loadDocument } from './documentAccess';
import { extractPdfText } from './extractPdfText';

function notDraft(document: RecordBase & { versionLabel?: string }) {
  return problems.conflict(
    `${document.number} v${document.versionLabel ?? '0.1'} is ${document.state}: its content file changes only in draft; a change is a new version.`,
  );
}

/**
 * `PUT /documents/{id}/content`: the draft version's content file. The bytes are streamed to
 * the file store under the attachment limit, their leading bytes checked against the declared
 * type and their SHA-256 taken; then, in one transaction, the file becomes an attachment of the
 * version and the version's `contentFile` (with the text of a PDF, for search) in a new record
 * version with its audit entry. Any refusal leaves no row and no file behind.
 */
export async function uploadDocumentContentHandler(context: RequestContext): Promise<Response> {
  const files = context.kit.files;
  if (!files) throw problems.forbidden('This server stores no files.', 'attachments_disabled');
  const mediaType =
    (context.request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(documentContentTypes as readonly string[]).includes(mediaType)) {
    throw problems.unsupportedMediaType(documentContentTypes.join(', '));
  }
  const fileName = displayFileName(context.request);
  const { recordType, document } = await loadDocument(context);
  authorize(context, recordType, 'update');
  // Refused before a byte is stored: a version past draft keeps the file its signatures bind to.
  if (document.state !== 'draft') throw notDraft(document);
  // If-Match is optional here (the upload is its own new version), but honoured when sent.
  const expected = context.request.headers.has('if-match') ? expectedVersion(context.request) : undefined;
  if (expected !== undefined) assertCurrent(expected, document.version);
  if (!context.request.body) throw problems.malformed('The request has no body.');
  const limit = context.kit.limits.attachmentBytes;
  const declared = Number(context.request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw problems.tooLarge(limit);

  const storageKey = uuidv7();
  let stored: { sizeBytes: number; sha256: string };
  try {
    stored = await files.put(storageKey, context.request.body.pipeThrough(checkLeadingBytes(mediaType)), {
      maxBytes: limit,
    });
  } catch (error) {
    if (error instanceof FileTooLargeError) throw problems.tooLarge(limit);
    if (error instanceof TypeError && /content does not match/.test(error.message)) {
      throw problems.unsupportedMediaType(`content that is really ${mediaType}`);
    }
    throw error;
  }
  let rowWritten = false;
  try {
    const contentText =
      mediaType === 'application/pdf'
        ? await extractPdfText(await readAll(await files.get(storageKey)))
        : undefined;
    const sameUpload = JSON.stringify({ fileName, mediaType, sha256: stored.sha256, size: stored.sizeBytes });
    const response = await runWrite(context, sameUpload, async (trx) => {
      rowWritten = true;
      // Read again inside the transaction: the version may have left draft since the check above.
      const current = (await findRecord(
        trx,
        recordType,
        context.principal.orgId,
        document.id,
      )) as ControlledDocument | null;
      if (!current) throw problems.notFound(`No ${recordType.name} with that id.`);
      if (current.state !== 'draft') throw notDraft(current);
      if (expected !== undefined) assertCurrent(expected, current.version);
      const at = context.kit.now().toISOString();
      const attachmentId = uuidv7();
      await insertAttachment(trx, context.principal.orgId, {
        id: attachmentId,
        recordType: current.type,
        recordId: current.id,
        fileName,
        contentType: mediaType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        uploadedBy: context.principal.userId,
        uploadedAt: at,
        storageKey,
      });
      const contentFile: DocumentContentFile = {
        attachmentId,
        fileName,
        mediaType: mediaType as DocumentContentFile['mediaType'],
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        uploadedBy: context.principal.userId,
        uploadedAt: at,
      };
      const { record, event } = await updateRecord(trx, {
        principal: context.principal,
        recordType,
        current,
        expectedVersion: current.version,
        changes: { contentFile, contentText },
        source: context.source,
        now: context.kit.now(),
      });
      return {
        status: 200,
        headers: { etag: etagOf(record.version) },
        body: record,
        events: event ? [event] : [],
      };
    });
    // A replayed retry answered with the first upload: this copy of the bytes is not needed.
    if (!rowWritten) await files.delete(storageKey).catch(() => undefined);
    return response;
  } catch (error) {
    // Nothing landed, so neither may the file: no orphan on disk.
    await files.delete(storageKey).catch(() => undefined);
    throw error;
  }
}
