import { allowedAttachmentTypes } from '@masetra/core';
import { v7 as uuidv7 } from 'uuid';
import { FileTooLargeError } from '../../files/FileStore';
import { sha256OfFile } from '../../files/sha256OfFile';
import {
  findAttachment,
  insertAttachment,
  listAttachments,
  publicAttachment,
} from '../../repositories/attachments';
import { recordAuditedChange } from '../../services/auditedChange';
import { authorize } from '../authorize';
import { type RequestContext, recordTypeOf } from '../KitContext';
import { parseParams } from '../parseInput';
import { problems } from '../problems';
import { jsonResponse } from '../responses';
import { runWrite } from '../runWrite';
import { checkLeadingBytes } from './checkLeadingBytes';
import { loadRecord } from './recordReads';

export async function listAttachmentsHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const items = await listAttachments(
    context.kit.storage.db,
    context.principal.orgId,
    record.type,
    record.id,
  );
  return jsonResponse({ items: items.map(publicAttachment) });
}

/** The file name as the uploader gave it, for display only: it never becomes a path. */
export function displayFileName(request: Request): string {
  const raw = request.headers.get('x-file-name');
  let name = '';
  try {
    name = raw ? decodeURIComponent(raw) : '';
  } catch {
    throw problems.malformed('X-File-Name is not valid percent-encoding.');
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  name = name.replace(/[\u0000-\u001f\u007f/\\]/g, '');
  // Bidirectional controls make `invoice\u202Efdp.exe` read as `invoiceexe.pdf`: a name must show what it is.
  name = name.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!name || name.length > 255)
    throw problems.malformed('Send the file name (1-255 characters) in X-File-Name.');
  return name;
}

export async function uploadAttachmentHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  const files = context.kit.files;
  if (!files) throw problems.forbidden('This server stores no attachments.', 'attachments_disabled');
  const contentType =
    (context.request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(allowedAttachmentTypes as readonly string[]).includes(contentType)) {
    throw problems.unsupportedMediaType(allowedAttachmentTypes.join(', '));
  }
  const fileName = displayFileName(context.request);
  const record = await loadRecord(context);
  authorize(context, recordType, 'attach');
  // A finished record's evidence is closed: what was there when it was signed off stays all there is.
  if (recordType.finalStates.includes(record.state)) {
    throw problems.conflict(
      `${record.number} is ${record.state}: it takes no new attachment.`,
      'record_final',
    );
  }
  if (!context.request.body) throw problems.malformed('The request has no body.');
  const declared = Number(context.request.headers.get('content-length') ?? Number.NaN);
  if (declared > context.kit.limits.attachmentBytes)
    throw problems.tooLarge(context.kit.limits.attachmentBytes);

  const storageKey = uuidv7();
  let stored: { sizeBytes: number; sha256: string };
  try {
    stored = await files.put(storageKey, context.request.body.pipeThrough(checkLeadingBytes(contentType)), {
      maxBytes: context.kit.limits.attachmentBytes,
    });
  } catch (error) {
    if (error instanceof FileTooLargeError) throw problems.tooLarge(context.kit.limits.attachmentBytes);
    if (error instanceof TypeError && /content does not match/.test(error.message)) {
      throw problems.unsupportedMediaType(`content that is really ${contentType}`);
    }
    throw error;
  }
  // A retry under the same Idempotency-Key is the same file under the same name, whatever key it was stored under.
  const sameUpload = JSON.stringify({
    fileName,
    contentType,
    sha256: stored.sha256,
    sizeBytes: stored.sizeBytes,
  });
  let rowWritten = false;
  try {
    const response = await runWrite(context, sameUpload, async (trx) => {
      rowWritten = true;
      const at = context.kit.now().toISOString();
      const attachment = {
        id: uuidv7(),
        recordType: record.type,
        recordId: record.id,
        fileName,
        contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        uploadedBy: context.principal.userId,
        uploadedAt: at,
        storageKey,
      };
      await insertAttachment(trx, context.principal.orgId, attachment);
      const event = await recordAuditedChange(trx, {
        principal: context.principal,
        recordType,
        record,
        action: 'attachment',
        eventVerb: 'attached',
        changes: [
          {
            field: 'attachments',
            old: null,
            new: { id: attachment.id, fileName, sha256: stored.sha256, sizeBytes: stored.sizeBytes },
          },
        ],
        source: context.source,
        at,
        data: { attachmentId: attachment.id },
      });
      return { status: 201, headers: {}, body: publicAttachment(attachment), events: [event] };
    });
    // A replayed retry answered with the first upload's row: this copy of the bytes is not needed.
    if (!rowWritten) await files.delete(storageKey).catch(() => undefined);
    return response;
  } catch (error) {
    // The row did not land, so neither may the file: no orphan on disk.
    await files.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

export async function downloadAttachmentHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const { attachmentId } = parseParams(context.route.params, context.params) as { attachmentId: string };
  const attachment = await findAttachment(
    context.kit.storage.db,
    context.principal.orgId,
    record.type,
    record.id,
    attachmentId,
  );
  if (!attachment || !context.kit.files) throw problems.notFound('No such attachment.');
  // Read once to check, then stream: a file changed at rest is refused before a byte of it is sent.
  if ((await sha256OfFile(context.kit.files, attachment.storageKey)) !== attachment.sha256) {
    throw problems.conflict(
      `${attachment.fileName} is not the file that was uploaded: its SHA-256 no longer matches the one recorded.`,
      'attachment_changed',
    );
  }
  const body = await context.kit.files.get(attachment.storageKey);
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': attachment.contentType,
      'content-length': String(attachment.sizeBytes),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      digest: `sha-256=${Buffer.from(attachment.sha256, 'hex').toString('base64')}`,
    },
  });
}
