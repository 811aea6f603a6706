import type { ExportJob } from '@masetra/core';
import type { Selectable } from 'kysely';
import { toIsoString } from '../storage/timestamps';
import type { ExportJobsTable } from './exportJobTables';

/** A stored export job as the API speaks of it. */
export function fromExportJobRow(row: Selectable<ExportJobsTable>): ExportJob {
  return {
    id: row.id,
    state: row.state as ExportJob['state'],
    source: row.source as ExportJob['source'],
    format: row.format as ExportJob['format'],
    collection: row.collection,
    rowsDone: Number(row.rows_done),
    rowsTotal: row.rows_total === null ? null : Number(row.rows_total),
    fileName: row.file_name,
    createdAt: toIsoString(row.created_at),
    finishedAt: row.finished_at ? toIsoString(row.finished_at) : null,
    expiresAt: row.expires_at ? toIsoString(row.expires_at) : null,
    ...(row.problem ? { problem: row.problem as NonNullable<ExportJob['problem']> } : {}),
  };
}
