import type { Attachment } from '@masetra/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/database';
import { toIsoString } from '../storage/timestamps';

export interface StoredAttachment extends Attachment {
  storageKey: string;
}

export async function insertAttachment(
  trx: Transaction<Database>,
  orgId: string,
  attachment: StoredAttachment,
) {
  await trx
    .insertInto('attachments')
    .values({
      id: attachment.id,
      org_id: orgId,
      record_type: attachment.recordType,
      record_id: attachment.recordId,
      file_name: attachment.fileName,
      content_type: attachment.contentType,
      size_bytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      storage_key: attachment.storageKey,
      uploaded_by: attachment.uploadedBy,
      uploaded_at: attachment.uploadedAt,
    })
    .execute();
}

type AttachmentRow = Awaited<ReturnType<typeof selectAttachments>>[number];

function selectAttachments(db: Kysely<Database>, orgId: string, recordType: string, recordId: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

function toAttachment(row: AttachmentRow): StoredAttachment {
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: toIsoString(row.uploaded_at),
    storageKey: row.storage_key,
  };
}

export async function listAttachments(
  db: Kysely<Database>,
  orgId: string,
  recordType: string,
  recordId: string,
) {
  return (await selectAttachments(db, orgId, recordType, recordId)).map(toAttachment);
}

export async function findAttachment(
  db: Kysely<Database>,
  orgId: string,
  recordType: string,
  recordId: string,
  attachmentId: string,
): Promise<StoredAttachment | null> {
  const rows = await selectAttachments(db, orgId, recordType, recordId);
  const row = rows.find((candidate) => candidate.id === attachmentId);
  return row ? toAttachment(row) : null;
}

/** Hides the storage key from API answers: where a file lives is the server's business. */
export function publicAttachment({ storageKey: _key, ...attachment }: StoredAttachment): Attachment {
  return attachment;
}
