import { type Kysely, sql } from 'kysely';
import type { AuditCheckpointer } from '../audit-checkpoints/createAuditCheckpointer';
import { verifyAuditTrail } from '../audit-checkpoints/verifyAuditTrail';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';

/** A running job whose heartbeat is older than this was left by a process that died: another takes it over. */
export const STALE_AFTER_SECONDS = 60;

/**
 * Claims the job (queued, or running with a stale heartbeat) in one statement, so of several
 * processes one runs it; then verifies the whole trail, storing progress after each batch and
 * the result at the end. Returns whether this process ran it.
 */
export async function runAuditVerification(
  db: Kysely<Database>,
  id: string,
  checkpointer?: AuditCheckpointer,
): Promise<boolean> {
  const claimed = await db
    .updateTable('audit_verifications')
    .set({
      status: 'running',
      started_at: sql`coalesce(started_at, now())`,
      heartbeat_at: sql`now()`,
      entries_verified: 0,
    })
    .where('id', '=', id)
    .where((where) =>
      where.or([
        where('status', '=', 'queued'),
        where.and([
          where('status', '=', 'running'),
          where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${STALE_AFTER_SECONDS})`),
        ]),
      ]),
    )
    .returning(['org_id'])
    .executeTakeFirst();
  if (!claimed) return false;
  const orgId = claimed.org_id;
  try {
    const head = await db
      .selectFrom('audit_chain_heads')
      .select('seq')
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    await db
      .updateTable('audit_verifications')
      .set({ entries_total: Number(head?.seq ?? 0) })
      .where('id', '=', id)
      .execute();
    const result = await verifyAuditTrail(db, orgId, checkpointer, {
      onProgress: async (entriesVerified) => {
        await db
          .updateTable('audit_verifications')
          .set({ entries_verified: entriesVerified, heartbeat_at: sql`now()` })
          .where('id', '=', id)
          .execute();
      },
    });
    await db
      .updateTable('audit_verifications')
      .set({
        status: result.ok ? 'ok' : 'broken',
        entries_verified: result.entries,
        result: toJsonb(result),
        finished_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    await db
      .updateTable('audit_verifications')
      .set({ status: 'failed', finished_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    throw error;
  }
  return true;
}

/**
 * Runs the jobs no process is running: queued ones whose process died before it began, and
 * running ones whose heartbeat stopped. A host calls it on a schedule (the reference server: its sweep).
 */
export async function resumeAuditVerifications(
  db: Kysely<Database>,
  checkpointer?: AuditCheckpointer,
): Promise<number> {
  const waiting = await db
    .selectFrom('audit_verifications')
    .select('id')
    .where((where) =>
      where.or([
        where.and([
          where('status', '=', 'queued'),
          where('requested_at', '<', sql<Date>`now() - make_interval(secs => ${STALE_AFTER_SECONDS})`),
        ]),
        where.and([
          where('status', '=', 'running'),
          where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${STALE_AFTER_SECONDS})`),
        ]),
      ]),
    )
    .orderBy('requested_at')
    .execute();
  let ran = 0;
  for (const job of waiting) if (await runAuditVerification(db, job.id, checkpointer)) ran += 1;
  return ran;
}

/**
 * The end of the organization's last full verification, when it found the trail whole. After
 * one that found it broken there is nothing to lean on: the request path recomputes it all.
 */
export async function lastVerifiedEntry(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  const row = await db
    .selectFrom('audit_verifications')
    .select(['status', 'result'])
    .where('org_id', '=', orgId)
    .where('status', 'in', ['ok', 'broken'])
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row?.status !== 'ok') return undefined;
  const result = row.result as { ok: true; entries: number; headHash: string };
  return result.entries > 0 ? { seq: result.entries, hash: result.headHash } : undefined;
}
