import {
  type CoveredAttachmentCheck,
  type RecordBase,
  type RecordType,
  recordContentHash,
  type SignatureVerification,
  type SignatureVerificationFailure,
} from '@masetra/core';
import type { Kysely } from 'kysely';
import { recordAt } from '../audit-trail/recordAt';
import { recordedSignature } from '../audit-trail/recordedSignature';
import { FileNotFoundError, type FileStore, InvalidFileKeyError } from '../files/FileStore';
import { sha256OfFile } from '../files/sha256OfFile';
import { listAttachments, type StoredAttachment } from '../repositories/attachments';
import { findSignature } from '../repositories/signatures';
import type { Database } from '../storage/database';

/** The record version a signature names: the stored record when it is current, else rebuilt from the trail. */
async function signedVersion(
  db: Kysely<Database>,
  recordType: RecordType,
  record: RecordBase,
  version: number,
): Promise<RecordBase | null> {
  if (version === record.version) return record;
  if (version < 1 || version > record.version) return null;
  return recordAt(db, { orgId: record.orgId, recordType: recordType.name, recordId: record.id }, { version });
}

/**
 * What a stored file's SHA-256 is now, or null when the store has no file under its key (or the
 * key was rewritten into one no store makes): either way the file signed cannot be read.
 */
async function storedFileHash(files: FileStore | undefined, key: string): Promise<string | null> {
  if (!files) return null;
  try {
    return await sha256OfFile(files, key);
  } catch (error) {
    if (error instanceof FileNotFoundError || error instanceof InvalidFileKeyError) return null;
    throw error;
  }
}

/**
 * The attachments a signature covers, as they are now: each one's record (its SHA-256 recorded
 * at upload, the one the content hash covers) and whether its stored file, read through the
 * file store as a download reads it, still has that SHA-256.
 */
async function checkCoveredAttachments(
  db: Kysely<Database>,
  files: FileStore | undefined,
  record: RecordBase,
  ids: readonly string[],
): Promise<{ checks: CoveredAttachmentCheck[]; rows: StoredAttachment[] }> {
  if (ids.length === 0) return { checks: [], rows: [] };
  const byId = new Map(
    (await listAttachments(db, record.orgId, record.type, record.id)).map((row) => [row.id, row]),
  );
  const checks: CoveredAttachmentCheck[] = [];
  const rows: StoredAttachment[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) {
      checks.push({ id, fileName: null, sha256: null, status: 'missing' });
      continue;
    }
    rows.push(row);
    const now = await storedFileHash(files, row.storageKey);
    const status = now === null ? 'missing' : now === row.sha256 ? 'intact' : 'file_changed';
    checks.push({ id, fileName: row.fileName, sha256: row.sha256, status });
  }
  return { checks, rows };
}

/**
 * Whether a signature still binds to exactly the content of the record version it signed and
 * to the attachments the record had then (21 CFR 11.70). That version is hashed with core's
 * `recordContentHash`, over the covered attachments' recorded SHA-256s, the one function the
 * signing move hashed it with (`transitionEffects`); each covered attachment's stored file
 * must still have its SHA-256; and the signature must be the one the hash-chained trail
 * recorded on this record at that version. Attachments added after signing are not covered and
 * do not count. Null when the organization has no signature with that id.
 */
export async function verifySignature(
  db: Kysely<Database>,
  recordType: RecordType,
  record: RecordBase,
  signatureId: string,
  files?: FileStore,
): Promise<SignatureVerification | null> {
  const signature = await findSignature(db, record.orgId, signatureId);
  if (!signature) return null;
  const base = {
    signatureId: signature.id,
    recordVersion: signature.recordVersion,
    contentHash: signature.contentHash,
    manifestation: signature.manifestation,
  };
  const unchecked = (signature.coveredAttachments ?? []).map((id) => ({
    id,
    fileName: null,
    sha256: null,
    status: 'unchecked' as const,
  }));
  let coveredAttachments: CoveredAttachmentCheck[] | null = signature.coveredAttachments ? unchecked : null;
  const failed = (reason: SignatureVerificationFailure, recomputedHash: string | null = null) =>
    ({ ok: false, reason, ...base, coveredAttachments, recomputedHash }) as const;

  if (signature.recordType !== recordType.name || signature.recordId !== record.id) {
    // Not this record's: its attachments are not the ones to look at.
    return failed('not_this_record');
  }
  const signed = await signedVersion(db, recordType, record, signature.recordVersion);
  if (!signed) return failed('version_not_found');
  const ids = signature.coveredAttachments ?? [];
  // The signing move lists each attachment once; a list naming one twice was written afterwards.
  if (new Set(ids).size !== ids.length) return failed('content_changed');
  const covered = await checkCoveredAttachments(db, files, record, ids);
  if (signature.coveredAttachments) coveredAttachments = covered.checks;
  // A covered attachment's record gone: there is no SHA-256 to rebuild the signed hash with.
  if (covered.rows.length < covered.checks.length) return failed('attachment_missing');
  const recomputedHash = await recordContentHash(signed, covered.rows);
  const recorded = await recordedSignature(
    db,
    { orgId: record.orgId, recordType: recordType.name, recordId: record.id },
    signature.id,
  );
  if (!recorded || recorded.recordVersion !== signature.recordVersion) {
    return failed('not_this_record', recomputedHash);
  }
  if (recorded.contentHash !== signature.contentHash || recomputedHash !== signature.contentHash) {
    return failed('content_changed', recomputedHash);
  }
  if (covered.checks.some((check) => check.status === 'file_changed')) {
    return failed('attachment_changed', recomputedHash);
  }
  if (covered.checks.some((check) => check.status === 'missing')) {
    return failed('attachment_missing', recomputedHash);
  }
  return { ok: true, ...base, coveredAttachments, recomputedHash };
}
