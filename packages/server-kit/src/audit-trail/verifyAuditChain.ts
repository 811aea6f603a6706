import {
  type AuditChainBreak,
  type AuditChainVerification,
  type AuditTrailEntry,
  GENESIS_HASH,
} from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';
import { auditEntryContent } from './auditEntryContent';
import { fromAuditRow } from './auditEntryRow';
import { hashAuditEntry } from './hashAuditEntry';

/** The stored time as hashed (ISO with milliseconds), or with its microseconds when it has any. */
function exactTime(text: string): string {
  return text.endsWith('000') ? `${text.slice(0, -3)}Z` : `${text}Z`;
}

export interface VerifyAuditChainOptions {
  /** Entries read per query; memory stays at one batch however long the trail. */
  batchSize?: number;
  /**
   * Start after an entry already verified (by a full verification job): its number and hash.
   * Only the entries after it are recomputed; the first must link to that hash.
   */
  from?: { seq: number; hash: string };
  /** Told the last entry verified after each batch, for a job's progress. */
  onProgress?: (entriesVerified: number) => void | Promise<void>;
}

/**
 * Recomputes an organization's hash chain from the stored columns, in `seq` order, batch by
 * batch (a million entries never sit in memory together), and checks the chain head
 * against the last entry. An edit, a deletion or a reordering made behind the application's
 * back (say, by a superuser who disabled the triggers) shows as `ok: false` with the first
 * entry that is not as it was appended.
 *
 * Runs without one long transaction, so on single-connection PGlite other work goes on
 * between batches; entries appended meanwhile are verified too, up to the head read last.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  orgId: string,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainVerification> {
  const batchSize = options.batchSize ?? 2000;
  let lastSeq = options.from?.seq ?? 0;
  let lastHash = options.from?.hash ?? GENESIS_HASH;
  let lastId: string | null = null;

  const readAfter = (seq: number) =>
    db
      .selectFrom('audit_trail')
      .selectAll()
      // A Date holds milliseconds; the exact text shows an edit below that, too.
      .select(sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('at_exact'))
      .where('org_id', '=', orgId)
      // Numbers are consecutive, so the next batch is a range: the plan stays an index range scan
      // whatever the statistics say, where `seq > n LIMIT k` can turn into sorting the rest of the trail.
      .where('seq', '>', seq)
      .where('seq', '<=', seq + batchSize)
      .orderBy('seq')
      .limit(batchSize)
      .execute();

  const broken = (seq: number, id: string | null, reason: AuditChainBreak): AuditChainVerification => ({
    ok: false,
    brokenAt: { seq, id, reason },
    entries: Math.min(lastSeq, seq - 1),
  });

  // Checks one batch; returns the break, or null when every entry in it holds.
  const checkBatch = (entries: AuditTrailEntry[]): AuditChainVerification | null => {
    for (const entry of entries) {
      if (entry.seq !== lastSeq + 1) return broken(lastSeq + 1, null, 'entry_missing');
      if (entry.previousHash !== lastHash) return broken(entry.seq, entry.id, 'link_broken');
      if (hashAuditEntry(entry.previousHash, auditEntryContent(entry)) !== entry.hash) {
        return broken(entry.seq, entry.id, 'entry_changed');
      }
      lastSeq = entry.seq;
      lastHash = entry.hash;
      lastId = entry.id;
    }
    return null;
  };

  for (;;) {
    let next = readAfter(lastSeq);
    for (;;) {
      const rows = await next;
      const full = rows.length === batchSize;
      if (full) {
        // The database reads the next batch while this one is hashed. Should this batch break
        // the chain, that read is left unused; its failure then must not go unhandled.
        next = readAfter(Number(rows[rows.length - 1]!.seq));
        next.catch(() => undefined);
      }
      const result = checkBatch(rows.map((row) => ({ ...fromAuditRow(row), at: exactTime(row.at_exact) })));
      if (result) return result;
      await options.onProgress?.(lastSeq);
      if (!full) break;
    }
    const head = await db
      .selectFrom('audit_chain_heads')
      .select(['seq', 'hash'])
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    const headSeq = head ? Number(head.seq) : 0;
    const headHash = head?.hash ?? GENESIS_HASH;
    if (headSeq === lastSeq) {
      return headHash === lastHash
        ? { ok: true, entries: lastSeq, headHash }
        : broken(lastSeq, lastId, 'head_mismatch');
    }
    if (headSeq < lastSeq) {
      // An entry and its head advance in one transaction: entries past the head were not appended here.
      const beyond = await readAfter(headSeq);
      return broken(headSeq + 1, beyond[0]?.id ?? null, 'head_mismatch');
    }
    // The head moved on while we read: verify the entries appended meanwhile, or find them gone.
    const more = await readAfter(lastSeq);
    if (more.length === 0) return broken(lastSeq + 1, null, 'entry_missing');
  }
}
