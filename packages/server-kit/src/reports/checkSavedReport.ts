import {
  type FieldIssue,
  fieldIssuesOf,
  type RecordType,
  type RecordTypeRegistry,
  recordBaseShape,
  reportQuerySchema,
  type SavedReport,
  toJsonPointer,
} from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';
import type { ReportQueryInput } from './runReport';

/** What a saved report's table may show: the report's measures, or the fields of the records it counts. */
const reportColumns = ['key', 'count', 'overdue', 'medianDays', 'p90Days', 'opened', 'closed'];

/** The report query a saved report runs: its filters, grouping, metric and cycle. */
export function savedReportQuery(
  report: Pick<SavedReport, 'filters' | 'groupBy' | 'metric' | 'cycleFrom' | 'cycleTo'>,
): ReportQueryInput {
  return {
    ...report.filters,
    groupBy: report.groupBy ?? undefined,
    metric: report.metric,
    cycleFrom: report.cycleFrom ?? undefined,
    cycleTo: report.cycleTo ?? undefined,
  };
}

/** Roles a report may be shared with: the organization's roles table and those the record types grant. */
async function knownRoles(db: Kysely<Database>, registry: RecordTypeRegistry): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM roles`.execute(db);
  const granted = registry.list.flatMap((recordType) => {
    const { events, ...actions } = recordType.permissions;
    return [...Object.values(actions), ...Object.values(events)].flat();
  });
  return new Set([...rows.map((row) => row.name), ...granted]);
}

/**
 * The issues of a saved report against its record type, as JSON pointers into the body: an
 * unknown record type, a filter, grouping, metric or cycle the type's report refuses, a column
 * that is neither a measure nor a field, a role nobody can hold. Empty when it can run.
 */
export async function savedReportIssues(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  report: Pick<
    SavedReport,
    'recordType' | 'filters' | 'groupBy' | 'metric' | 'cycleFrom' | 'cycleTo' | 'columns' | 'sharedWithRoles'
  >,
): Promise<FieldIssue[]> {
  const recordType = registry.byName(report.recordType);
  if (!recordType) return [{ pointer: '/recordType', detail: `No record type ${report.recordType}.` }];
  const issues = queryIssues(recordType, report);
  const fields = new Set([
    ...reportColumns,
    ...Object.keys(recordBaseShape),
    ...Object.keys(recordType.fields),
  ]);
  report.columns.forEach((column, index) => {
    if (!fields.has(column))
      issues.push({ pointer: `/columns/${index}`, detail: `Unknown column ${column}.` });
  });
  const roles = await knownRoles(db, registry);
  report.sharedWithRoles.forEach((role, index) => {
    if (!roles.has(role))
      issues.push({ pointer: `/sharedWithRoles/${index}`, detail: `Unknown role ${role}.` });
  });
  return issues;
}

/** The report query's refusals, pointed at the saved report's own fields. */
function queryIssues(
  recordType: RecordType,
  report: Pick<SavedReport, 'filters' | 'groupBy' | 'metric' | 'cycleFrom' | 'cycleTo'>,
): FieldIssue[] {
  const ownKeys = new Set(['groupBy', 'metric', 'cycleFrom', 'cycleTo']);
  const issues: FieldIssue[] = Object.keys(report.filters)
    .filter((key) => ownKeys.has(key))
    .map((key) => ({ pointer: `/filters/${key}`, detail: `${key} is a field of the report, not a filter.` }));
  const input = Object.fromEntries(
    Object.entries(savedReportQuery(report)).filter(([, value]) => value !== undefined),
  );
  const result = reportQuerySchema(recordType).safeParse(input);
  if (!result.success) {
    const described = fieldIssuesOf(result.error);
    result.error.issues.forEach((issue, index) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
      for (const key of keys) {
        const pointer = ownKeys.has(key) ? toJsonPointer([key]) : toJsonPointer(['filters', key]);
        issues.push({
          pointer,
          detail:
            issue.code === 'unrecognized_keys'
              ? 'Unknown filter.'
              : (described[index]?.detail ?? issue.message),
        });
      }
    });
  }
  if (report.metric === 'openedClosed' && report.groupBy && !['month', 'week'].includes(report.groupBy))
    issues.push({ pointer: '/groupBy', detail: 'Opened vs closed counts per month or week.' });
  return issues;
}
