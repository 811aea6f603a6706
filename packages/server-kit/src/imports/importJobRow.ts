import type { ImportJob, ImportProblem } from '@masetra/core';
import type { Kysely, Selectable } from 'kysely';
import { toIsoString } from '../storage/timestamps';
import type { ImportDatabase, ImportJobsTable } from './importJobTables';

/** A job's columns but the file: what a job's answer is made of, without reading megabytes. */
export const importJobColumns = [
  'id',
  'org_id',
  'record_type',
  'collection',
  'sha256',
  'format',
  'file_name',
  'requested_by',
  'state',
  'rows_total',
  'created_at',
  'finished_at',
  'problem',
] as const;

type StoredImportJob = Pick<Selectable<ImportJobsTable>, (typeof importJobColumns)[number]>;

/** A stored import job as the API speaks of it, with the records it created so far. */
export async function importJobOf(db: Kysely<ImportDatabase>, row: StoredImportJob): Promise<ImportJob> {
  const created = await db
    .selectFrom('import_job_rows')
    .select(['row_number', 'record_id', 'record_number'])
    .where('job_id', '=', row.id)
    .orderBy('row_number')
    .execute();
  const problem = row.problem as (NonNullable<ImportJob['problem']> & { rows?: ImportProblem[] }) | null;
  const { rows: problems = [], ...failure } = problem ?? {};
  return {
    id: row.id,
    state: row.state as ImportJob['state'],
    collection: row.collection,
    format: row.format as ImportJob['format'],
    fileName: row.file_name,
    sha256: row.sha256,
    rowsDone: created.length,
    rowsTotal: row.rows_total,
    created: created.map((done) => ({
      row: done.row_number,
      id: done.record_id,
      number: done.record_number,
    })),
    problems,
    createdAt: toIsoString(row.created_at),
    finishedAt: row.finished_at ? toIsoString(row.finished_at) : null,
    ...(problem ? { problem: failure as NonNullable<ImportJob['problem']> } : {}),
  };
}
