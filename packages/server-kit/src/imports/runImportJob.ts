import { can, type ImportFormat, type ImportProblem, type Principal, problemTypes } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { KitContext } from '../http/KitContext';
import { problemOf, problems } from '../http/problems';
import { createRecord } from '../services/createRecord';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { checkImportRows } from './checkImportRows';
import type { ImportDatabase } from './importJobTables';
import { readImportFile } from './readImportFile';

/** The outbox event that asks a worker to run an import job; its payload is `{ importId }`. */
export const IMPORT_JOB_EVENT = 'import.requested';
/** A running job whose heartbeat is older than this was left by a process that died: another takes it over. */
export const IMPORT_STALE_AFTER_SECONDS = 60;

/** What running a job needs of the kit. */
export type ImportJobKit = Pick<
  KitContext,
  'storage' | 'registry' | 'now' | 'emit' | 'options' | 'auditCheckpointer'
>;

export function importDb(db: Kysely<Database>): Kysely<ImportDatabase> {
  return db as unknown as Kysely<ImportDatabase>;
}

/** The run lost its claim to a takeover (its heartbeat had stopped): it creates nothing more. */
class ImportClaimLostError extends Error {
  override readonly name = 'ImportClaimLostError';
}

/** The file no longer passes its checks; the job keeps each problem, by row and column. */
class ImportRowsRefusedError extends Error {
  override readonly name = 'ImportRowsRefusedError';
  constructor(readonly rows: ImportProblem[]) {
    super('The file no longer passes its checks');
  }
}

const stale = sql<Date>`now() - make_interval(secs => ${IMPORT_STALE_AFTER_SECONDS})`;

export interface RunImportOptions {
  /** Stops between two rows (a host shutting down): the job stays claimed until its heartbeat goes stale and another process resumes it. */
  signal?: AbortSignal;
}

/**
 * Runs one import job, if no live process runs it: claims it (queued, or running with a stale
 * heartbeat) under a fresh run id in one statement, reads the stored file and checks it again,
 * then creates each row's record through `createRecord`, the create route's own path (number,
 * audit entry, outbox event), in a transaction that also renews the claim and writes which
 * record the row became. A row already written by an earlier run is skipped, and the row's key
 * makes a second create of it fail and roll back: however often the job is resumed, each row
 * is created once. Returns whether this process ran the job.
 */
export async function runImportJob(
  kit: ImportJobKit,
  id: string,
  options: RunImportOptions = {},
): Promise<boolean> {
  const db = importDb(kit.storage.db);
  const runId = uuidv7();
  const job = await db
    .updateTable('import_jobs')
    .set({
      state: 'running',
      run_id: runId,
      started_at: sql`coalesce(started_at, now())`,
      heartbeat_at: sql`now()`,
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
  const principal = job.principal as unknown as Principal;
  try {
    const recordType = kit.registry.byName(job.record_type);
    if (!recordType) throw problems.notFound(`This server no longer serves ${job.record_type}.`);
    if (!can(principal, recordType, 'create') || !can(principal, 'importRecords'))
      throw problems.forbidden(`The requester's roles do not allow creating ${recordType.collection}.`);
    const parentType = recordType.parent ? kit.registry.byName(recordType.parent.type) : undefined;
    const file = await readImportFile(job.format as ImportFormat, new Uint8Array(job.file));
    const { report, inputs } = await checkImportRows(kit.options, principal, recordType, file);
    // Checked at the request, so only a change since (a person named has left) fails it here.
    if (report.problems.length > 0) throw new ImportRowsRefusedError(report.problems);
    const done = new Set(
      (await db.selectFrom('import_job_rows').select('row_number').where('job_id', '=', id).execute()).map(
        (row) => row.row_number,
      ),
    );
    for (const input of inputs) {
      if (done.has(input.row)) continue;
      if (options.signal?.aborted) return true;
      const event = await db.transaction().execute(async (trx) => {
        const renewed = await trx
          .updateTable('import_jobs')
          .set({ heartbeat_at: sql`now()` })
          .where('id', '=', id)
          .where('run_id', '=', runId)
          .executeTakeFirst();
        if (Number(renewed.numUpdatedRows) === 0) throw new ImportClaimLostError();
        const created = await createRecord(
          trx as unknown as Parameters<typeof createRecord>[0],
          { principal, recordType, fields: input.fields, source: job.source, now: kit.now() },
          parentType,
        );
        await trx
          .insertInto('import_job_rows')
          .values({
            job_id: id,
            row_number: input.row,
            record_id: created.record.id,
            record_number: created.record.number,
          })
          .execute();
        return created.event;
      });
      kit.emit([event]);
    }
    const finished = await db
      .updateTable('import_jobs')
      // The file is no longer needed once every row is in: the SHA-256 keeps the job's promise.
      .set({ state: 'done', finished_at: kit.now(), heartbeat_at: null, file: new Uint8Array(0) })
      .where('id', '=', id)
      .where('run_id', '=', runId)
      .executeTakeFirst();
    if (Number(finished.numUpdatedRows) === 0) throw new ImportClaimLostError();
  } catch (error) {
    // The process that took the job over finishes it.
    if (error instanceof ImportClaimLostError) return true;
    const rows = error instanceof ImportRowsRefusedError ? error.rows : undefined;
    const problem = rows
      ? problems.validation(`${rows.length} problems in the file; a dry run lists them.`, []).problem
      : problemOf(error)?.problem;
    await db
      .updateTable('import_jobs')
      .set({
        state: 'failed',
        finished_at: kit.now(),
        heartbeat_at: null,
        problem: toJsonb(
          problem
            ? {
                type: problem.type,
                title: problem.title,
                status: problem.status,
                detail: problem.detail,
                rows,
              }
            : {
                type: problemTypes.internal,
                title: 'Internal error',
                status: 500,
                detail: 'The import stopped.',
              },
        ),
      })
      .where('id', '=', id)
      .where('run_id', '=', runId)
      .execute();
    if (!problem) kit.options.hooks?.onError?.(error, new Request('http://import-job.invalid/'));
  } finally {
    // Records created outside a request get their checkpoint here rather than at the next sweep.
    await kit.auditCheckpointer?.checkpoint(job.org_id);
  }
  return true;
}

/**
 * Runs the import jobs no live process runs: queued ones no worker took within a minute, and
 * running ones whose heartbeat stopped (their process died half-way; the rows it created are
 * skipped). A host calls it on a schedule (the reference server: its sweep).
 */
export async function resumeImportJobs(kit: ImportJobKit): Promise<number> {
  const waiting = await importDb(kit.storage.db)
    .selectFrom('import_jobs')
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
  for (const job of waiting) if (await runImportJob(kit, job.id)) ran += 1;
  return ran;
}
