import type { AuditChainVerification } from '@masetra/core';
import type { Kysely } from 'kysely';
import { type VerifyAuditChainOptions, verifyAuditChain } from '../audit-trail/verifyAuditChain';
import type { Database } from '../storage/database';
import type { AuditCheckpointer, CheckpointedHashes } from './createAuditCheckpointer';
import { verifySignaturesAgainstTrail } from './verifySignaturesAgainstTrail';

const BATCH = 5000;

/** The first entry whose hash is not the one the signed checkpoints state, if any. */
async function firstDifferenceFromCheckpoints(
  db: Kysely<Database>,
  orgId: string,
  stated: CheckpointedHashes,
  entries: number,
): Promise<AuditChainVerification | null> {
  const statedUpTo = Math.min(entries, stated.lastSeq);
  for (let after = 0; after < statedUpTo; after += BATCH) {
    const rows = await db
      .selectFrom('audit_trail')
      .select(['seq', 'id', 'hash'])
      .where('org_id', '=', orgId)
      .where('seq', '>', after)
      .where('seq', '<=', Math.min(after + BATCH, statedUpTo))
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      const expected = stated.hashes.get(Number(row.seq));
      if (expected !== undefined && expected !== row.hash) {
        return {
          ok: false,
          entries: Number(row.seq) - 1,
          brokenAt: { seq: Number(row.seq), id: row.id, reason: 'checkpoint_mismatch' },
        };
      }
    }
  }
  return null;
}

/**
 * The whole verification of an organization's trail: the hash chain as stored, then (with
 * checkpointing) the chain against the signed checkpoints kept outside the database, then the
 * signatures against what the chain recorded of them. The first break found is the answer.
 * With `from` (the last full verification's end), only the entries after it are recomputed;
 * the checkpoints and signatures are still compared over the whole trail.
 */
export async function verifyAuditTrail(
  db: Kysely<Database>,
  orgId: string,
  checkpointer?: AuditCheckpointer,
  options: Pick<VerifyAuditChainOptions, 'from' | 'onProgress'> = {},
): Promise<AuditChainVerification> {
  const recomputed = await verifyAuditChain(db, orgId, options);
  if (!recomputed.ok) return recomputed;
  const chain: AuditChainVerification = options.from
    ? { ...recomputed, recomputedAfter: options.from.seq }
    : recomputed;
  if (checkpointer) {
    const stated = await checkpointer.read(orgId);
    if (stated.forged) {
      return {
        ok: false,
        entries: chain.entries,
        brokenAt: { seq: stated.forged.fromSeq, id: null, reason: 'checkpoint_forged' },
      };
    }
    const rewritten = await firstDifferenceFromCheckpoints(db, orgId, stated, chain.entries);
    if (rewritten) return rewritten;
    if (chain.entries < stated.lastSeq) {
      return {
        ok: false,
        entries: chain.entries,
        brokenAt: { seq: chain.entries + 1, id: null, reason: 'rolled_back' },
      };
    }
  }
  return (await verifySignaturesAgainstTrail(db, orgId, chain.entries)) ?? chain;
}
