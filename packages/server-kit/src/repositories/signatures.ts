import { type Signature, type SignatureMeaning, signatureManifestation } from '@masetra/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SignaturesTable } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { toIsoString } from '../storage/timestamps';

export interface NewSignature {
  id: string;
  orgId: string;
  recordType: string;
  recordId: string;
  recordVersion: number;
  contentHash: string;
  signerId: string;
  signerName: string;
  meaning: SignatureMeaning;
  event: string;
  signedAt: string;
  /** Ids of the attachments the content hash covers (core's `transitionEffects` sorts them). */
  coveredAttachments?: readonly string[];
}

export async function insertSignature(trx: Transaction<Database>, signature: NewSignature): Promise<void> {
  await trx
    .insertInto('signatures')
    .values({
      id: signature.id,
      org_id: signature.orgId,
      record_type: signature.recordType,
      record_id: signature.recordId,
      record_version: signature.recordVersion,
      content_hash: signature.contentHash,
      signer_id: signature.signerId,
      signer_name: signature.signerName,
      meaning: signature.meaning,
      event: signature.event,
      signed_at: signature.signedAt,
      covered_attachments: signature.coveredAttachments ? toJsonb(signature.coveredAttachments) : null,
    })
    .execute();
}

type SignatureRow = Selectable<SignaturesTable>;

function toSignature(row: SignatureRow): Signature {
  const signature = {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    recordVersion: row.record_version,
    contentHash: row.content_hash,
    signerId: row.signer_id,
    signerName: row.signer_name,
    meaning: row.meaning as SignatureMeaning,
    event: row.event ?? '',
    signedAt: toIsoString(row.signed_at),
  };
  return {
    ...signature,
    manifestation: signatureManifestation(signature),
    // Absent on a signature given before signatures covered attachments (its row has null).
    ...(row.covered_attachments ? { coveredAttachments: row.covered_attachments } : {}),
  };
}

/** A record's signatures in the order they were given, each with its manifestation. */
export async function listSignatures(
  db: Kysely<Database>,
  orgId: string,
  recordType: string,
  recordId: string,
): Promise<Signature[]> {
  const rows = await db
    .selectFrom('signatures')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('signed_at')
    .orderBy('id')
    .execute();
  return rows.map(toSignature);
}

/** One signature of an organization, whatever record it names, or null. */
export async function findSignature(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<Signature | null> {
  const row = await db
    .selectFrom('signatures')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSignature(row) : null;
}
