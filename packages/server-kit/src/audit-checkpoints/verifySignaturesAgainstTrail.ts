import type { AuditChainVerification } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';

interface SignatureAndEntry {
  signature_id: string;
  record_type: string;
  record_id: string;
  record_version: number;
  content_hash: string;
  signer_id: string;
  signer_name: string;
  meaning: string;
  covered_attachments: string[] | null;
  seq: string | number | null;
  entry_id: string | null;
  entry_record_type: string | null;
  entry_record_id: string | null;
  actor_id: string | null;
  recorded: {
    signerName?: string;
    meaning?: string;
    recordVersion?: number;
    contentHash?: string;
    coveredAttachments?: string[];
  } | null;
}

/** The attachments a signature covers as the row and the trail say, null when it predates covering them. */
const sameCovered = (row: SignatureAndEntry) =>
  JSON.stringify(row.covered_attachments ?? null) ===
  JSON.stringify(row.recorded?.coveredAttachments ?? null);

const sameAsRecorded = (row: SignatureAndEntry) =>
  row.entry_id !== null &&
  row.entry_record_type === row.record_type &&
  row.entry_record_id === row.record_id &&
  row.actor_id === row.signer_id &&
  row.recorded?.signerName === row.signer_name &&
  row.recorded?.meaning === row.meaning &&
  row.recorded?.recordVersion === row.record_version &&
  row.recorded?.contentHash === row.content_hash &&
  sameCovered(row);

/**
 * Every stored signature against the signature entry the hash chain recorded for it: a
 * signature moved to another record or version, re-attributed, given another list of covered
 * attachments, or inserted behind the application's back shows, with the first one that
 * differs (Part 11 item 15).
 */
export async function verifySignaturesAgainstTrail(
  db: Kysely<Database>,
  orgId: string,
  entries: number,
): Promise<AuditChainVerification | null> {
  const { rows } = await sql<SignatureAndEntry>`
    SELECT s.id::text AS signature_id, s.record_type, s.record_id::text AS record_id, s.record_version,
           s.content_hash, s.signer_id, s.signer_name, s.meaning, s.covered_attachments,
           a.seq, a.id::text AS entry_id, a.record_type AS entry_record_type, a.record_id::text AS entry_record_id,
           a.actor_id, a.changes -> 0 -> 'new' AS recorded
    FROM signatures s
    LEFT JOIN audit_trail a
      ON a.org_id = s.org_id AND a.action = 'signature' AND a.changes -> 0 -> 'new' ->> 'signatureId' = s.id::text
    WHERE s.org_id = ${orgId}
    ORDER BY a.seq NULLS LAST, s.signed_at`.execute(db);
  const differing = rows.find((row) => !sameAsRecorded(row));
  if (!differing) return null;
  return {
    ok: false,
    entries,
    brokenAt: {
      seq: differing.seq === null ? entries + 1 : Number(differing.seq),
      id: differing.entry_id,
      reason: 'signature_mismatch',
      signatureId: differing.signature_id,
    },
  };
}
