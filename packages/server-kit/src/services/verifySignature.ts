import {
  type RecordBase,
  type RecordType,
  recordContentHash,
  type SignatureVerification,
  type SignatureVerificationFailure,
} from '@masetra/core';
import type { Kysely } from 'kysely';
import { recordAt } from '../audit-trail/recordAt';
import { recordedSignature } from '../audit-trail/recordedSignature';
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
 * Whether a signature still binds to exactly the content of the record version it signed
 * (21 CFR 11.70). That version is hashed with core's `recordContentHash`, the one function the
 * signing move hashed it with (`transitionEffects`), and the signature must be the one the
 * hash-chained trail recorded on this record at that version. Null when the organization has
 * no signature with that id.
 */
export async function verifySignature(
  db: Kysely<Database>,
  recordType: RecordType,
  record: RecordBase,
  signatureId: string,
): Promise<SignatureVerification | null> {
  const signature = await findSignature(db, record.orgId, signatureId);
  if (!signature) return null;
  const checked = {
    signatureId: signature.id,
    recordVersion: signature.recordVersion,
    contentHash: signature.contentHash,
    manifestation: signature.manifestation,
  };
  const failed = (reason: SignatureVerificationFailure, recomputedHash: string | null = null) =>
    ({ ok: false, reason, ...checked, recomputedHash }) as const;

  if (signature.recordType !== recordType.name || signature.recordId !== record.id) {
    return failed('not_this_record');
  }
  const signed = await signedVersion(db, recordType, record, signature.recordVersion);
  if (!signed) return failed('version_not_found');
  const recomputedHash = await recordContentHash(signed);
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
  return { ok: true, ...checked, recomputedHash };
}
