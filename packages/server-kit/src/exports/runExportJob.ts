import { problemTypes } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { KitContext } from '../http/KitContext';
import { problemOf } from '../http/problems';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { writeAuditTrailPdfFile } from './auditTrailPdfFile';
import { createChunkWriter } from './chunkWriter';
import { exportJobSheet } from './exportJobSheet';
import type { ExportDatabase } from './exportJobTables';
import { openSheet, writeSheet } from './writeSheet';

/** The outbox event that asks a worker to run an export job; its payload is `{ exportId }`. */
export const EXPORT_JOB_EVENT = 'export.requested';
/** A running job whose heartbeat is older than this was left by a process that died: another takes it over. */
export const EXPORT_STALE_AFTER_SECONDS = 60;
/** How long a finished export's file is kept when the host says nothing else. */
export const DEFAULT_EXPORT_RETENTION_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What running a job needs of the kit. */
export type ExportJobKit = Pick<KitContext, 'storage' | 'registry' | 'now'> & {
  options: Pick<KitContext['options'], 'exports' | 'hooks' | 'organizationName'>;
};

export function exportDb(db: Kysely<Database>): Kysely<ExportDatabase> {
  return db as unknown as Kysely<ExportDatabase>;
}

/** The run lost its claim to a takeover (its heartbeat had stopped): it stops writing. */
class ExportClaimLostError extends Error {
  override readonly name = 'ExportClaimLostError';
}

const stale = sql<Date>`now() - make_interval(secs => ${EXPORT_STALE_AFTER_SECONDS})`;

/**
 * Runs one export job, if no live process runs it: claims it (queued, or running with a stale
 * heartbeat) under a fresh run id in one statement, so of several processes sharing PostgreSQL
 * one wins; writes the file a page at a time into `export_job_chunks`, renewing the heartbeat and
 * `rows_done` after each page; and marks it done only while it still holds the claim. A run that
 * lost the job to a takeover writes nothing more, and the one that finishes deletes the pieces of
 * runs before it. Returns whether this process ran the job.
 */
export async function runExportJob(kit: ExportJobKit, id: string): Promise<boolean> {
  const db = exportDb(kit.storage.db);
  const runId = uuidv7();
  const job = await db
    .updateTable('export_jobs')
    .set({
      state: 'running',
      run_id: runId,
      started_at: sql`coalesce(started_at, now())`,
      heartbeat_at: sql`now()`,
      rows_done: 0,
    })
    .where('id', '=', id)
    .where((where) =>
      where.or([
        where('state', '=', 'queued'),
        where.and([where('state', '=', 'running'), where('heartbeat_at', '<', stale)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  if (!job) return false;
  const mine = (query: ReturnType<typeof db.updateTable<'export_jobs'>>) =>
    query.where('id', '=', id).where('run_id', '=', runId);
  try {
    const sheet = exportJobSheet(kit, {
      orgId: job.org_id,
      source: job.source as 'records' | 'auditTrail',
      collection: job.collection,
      query: job.query,
      columns: job.columns,
      auditThroughSeq: job.audit_through_seq === null ? null : Number(job.audit_through_seq),
    });
    const rowsTotal = await sheet.countItems();
    await mine(db.updateTable('export_jobs').set({ rows_total: rowsTotal })).execute();
    let rowsDone = 0;
    const progress = async (done: number) => {
      rowsDone = done;
      const renewed = await mine(
        db.updateTable('export_jobs').set({ rows_done: rowsDone, heartbeat_at: sql`now()` }),
      ).executeTakeFirst();
      if (Number(renewed.numUpdatedRows) === 0) throw new ExportClaimLostError();
    };
    const chunks = createChunkWriter(async (seq, bytes) => {
      await db.insertInto('export_job_chunks').values({ job_id: id, run_id: runId, seq, bytes }).execute();
    });
    if (job.format === 'pdf') {
      rowsDone = await writeAuditTrailPdfFile(kit, job, chunks.stream, progress);
    } else {
      await writeSheet(job.format as 'csv' | 'xlsx', await openSheet(sheet), chunks.stream, (items) =>
        progress(rowsDone + items),
      );
    }
    const finishedAt = kit.now();
    const retentionDays = kit.options.exports?.retentionDays ?? DEFAULT_EXPORT_RETENTION_DAYS;
    const done = await db.transaction().execute(async (trx) => {
      const finished = await trx
        .updateTable('export_jobs')
        .set({
          state: 'done',
          rows_done: rowsDone,
          size_bytes: chunks.written().bytes,
          finished_at: finishedAt,
          expires_at: new Date(finishedAt.getTime() + retentionDays * DAY_MS),
          heartbeat_at: null,
        })
        .where('id', '=', id)
        .where('run_id', '=', runId)
        .executeTakeFirst();
      if (Number(finished.numUpdatedRows) === 0) return false;
      // Pieces of earlier runs that died half-way.
      await trx
        .deleteFrom('export_job_chunks')
        .where('job_id', '=', id)
        .where('run_id', '<>', runId)
        .execute();
      return true;
    });
    if (!done) throw new ExportClaimLostError();
  } catch (error) {
    if (error instanceof ExportClaimLostError) {
      // The process that took the job over finishes it; what this run wrote is deleted with its pieces then.
      await db.deleteFrom('export_job_chunks').where('job_id', '=', id).where('run_id', '=', runId).execute();
      return true;
    }
    const problem = problemOf(error)?.problem;
    await mine(
      db.updateTable('export_jobs').set({
        state: 'failed',
        finished_at: kit.now(),
        heartbeat_at: null,
        problem: toJsonb(
          problem
            ? { type: problem.type, title: problem.title, status: problem.status, detail: problem.detail }
            : {
                type: problemTypes.internal,
                title: 'Internal error',
                status: 500,
                detail: 'The export could not be written.',
              },
        ),
      }),
    ).execute();
    await db.deleteFrom('export_job_chunks').where('job_id', '=', id).execute();
    if (!problem) kit.options.hooks?.onError?.(error, new Request('http://export-job.invalid/'));
  }
  return true;
}

/**
 * Runs the jobs no live process runs: queued ones the outbox has not brought to a worker within
 * a minute (a host that does not dispatch `EXPORT_JOB_EVENT`, a process that died before), and
 * running ones whose heartbeat stopped. A host calls it on a schedule (the reference server: its sweep).
 */
export async function resumeExportJobs(kit: ExportJobKit): Promise<number> {
  const waiting = await exportDb(kit.storage.db)
    .selectFrom('export_jobs')
    .select('id')
    .where((where) =>
      where.or([
        where.and([where('state', '=', 'queued'), where('created_at', '<', stale)]),
        where.and([where('state', '=', 'running'), where('heartbeat_at', '<', stale)]),
      ]),
    )
    .orderBy('created_at')
    .execute();
  let ran = 0;
  for (const job of waiting) if (await runExportJob(kit, job.id)) ran += 1;
  return ran;
}
