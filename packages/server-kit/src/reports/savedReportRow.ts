import type { ReportMetric, SavedReport } from '@masetra/core';
import type { Selectable } from 'kysely';
import { toIsoString } from '../storage/timestamps';
import type { SavedReportsTable } from './savedReportTables';

/** A stored saved report as the API shows it. */
export function fromSavedReportRow(row: Selectable<SavedReportsTable>): SavedReport {
  return {
    id: row.id,
    name: row.name,
    recordType: row.record_type,
    filters: row.filters,
    groupBy: row.group_by,
    metric: row.metric as ReportMetric,
    cycleFrom: row.cycle_from,
    cycleTo: row.cycle_to,
    columns: row.columns,
    chart: row.chart as SavedReport['chart'],
    sharedWithRoles: row.shared_with_roles,
    createdBy: row.created_by,
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
    version: row.version,
  };
}
