import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import type { AuditCheckpointStore } from './AuditCheckpoint';
import type { AuditKey } from './createAuditKey';

export interface AuditCheckpointing {
  key: AuditKey;
  store: AuditCheckpointStore;
}

/** What the signed checkpoints of one organization state, once their signatures are checked. */
export interface CheckpointedHashes {
  /** Entry number → the hash a checkpoint states for it. */
  hashes: Map<number, string>;
  /** The highest entry number any checkpoint states; 0 when there is none. */
  lastSeq: number;
  /** The first checkpoint whose signature does not hold (forged, or of an untrusted key). */
  forged?: { fromSeq: number; toSeq: number };
}

export interface AuditCheckpointer {
  /** States, signed, every entry of the organization's trail not yet checkpointed by this process. */
  checkpoint(orgId: string): Promise<void>;
  /** The same for every organization (a periodic sweep catches entries written outside the kit). */
  checkpointAll(): Promise<void>;
  /** The hashes the organization's checkpoints state. */
  read(orgId: string): Promise<CheckpointedHashes>;
}

const BATCH = 5000;

/**
 * Writes a signed checkpoint after each change, so the newest entries are covered the moment
 * they are acknowledged: deleting them and rolling the chain head back, or editing any entry
 * and recomputing the hashes after it, no longer matches what the checkpoints state.
 */
export function createAuditCheckpointer(
  db: Kysely<Database>,
  checkpointing: AuditCheckpointing,
): AuditCheckpointer {
  const { key, store } = checkpointing;
  /** Per organization: the last entry this process has checkpointed, and a queue so runs never overlap. */
  const lastSeqOf = new Map<string, Promise<number>>();

  async function read(orgId: string): Promise<CheckpointedHashes> {
    const result: CheckpointedHashes = { hashes: new Map(), lastSeq: 0 };
    for (const checkpoint of await store.list(orgId)) {
      if (
        !(await key.verify(checkpoint)) ||
        checkpoint.hashes.length !== checkpoint.toSeq - checkpoint.fromSeq + 1
      ) {
        result.forged ??= { fromSeq: checkpoint.fromSeq, toSeq: checkpoint.toSeq };
        continue;
      }
      for (const [index, hash] of checkpoint.hashes.entries()) {
        const seq = checkpoint.fromSeq + index;
        // What was stated first stands: a later checkpoint that disagrees was taken from a rewritten trail.
        if (!result.hashes.has(seq)) result.hashes.set(seq, hash);
      }
      result.lastSeq = Math.max(result.lastSeq, checkpoint.toSeq);
    }
    return result;
  }

  async function checkpointAfter(orgId: string, after: number): Promise<number> {
    let last = after;
    for (;;) {
      const rows = await db
        .selectFrom('audit_trail')
        .select(['seq', 'hash'])
        .where('org_id', '=', orgId)
        .where('seq', '>', last)
        .where('seq', '<=', last + BATCH)
        .orderBy('seq')
        .execute();
      if (rows.length === 0) return last;
      const fromSeq = last + 1;
      // Only a gap-free run from where the last checkpoint ended: a gap is for verification to report.
      const hashes: string[] = [];
      for (const row of rows) {
        if (Number(row.seq) !== fromSeq + hashes.length) break;
        hashes.push(row.hash);
      }
      if (hashes.length === 0) return last;
      const toSeq = fromSeq + hashes.length - 1;
      await store.append(await key.sign({ orgId, fromSeq, toSeq, hashes, at: new Date().toISOString() }));
      last = toSeq;
      if (hashes.length < BATCH) return last;
    }
  }

  function checkpoint(orgId: string): Promise<void> {
    const previous = lastSeqOf.get(orgId) ?? read(orgId).then((stated) => stated.lastSeq);
    const next = previous.then((after) => checkpointAfter(orgId, after));
    // A failed run leaves the mark where it was, so the next run states the same entries again.
    lastSeqOf.set(
      orgId,
      next.catch(() => previous),
    );
    return next.then(() => undefined);
  }

  return {
    checkpoint,
    async checkpointAll() {
      const heads = await db.selectFrom('audit_chain_heads').select('org_id').execute();
      for (const head of heads) await checkpoint(head.org_id);
    },
    read,
  };
}
