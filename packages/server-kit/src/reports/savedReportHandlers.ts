import { type SavedReport, savedReportChangesSchema, savedReportInputSchema } from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { authorize, authorizeOrganization } from '../http/authorize';
import { assertCurrent, expectedVersion } from '../http/ifMatch';
import type { RequestContext } from '../http/KitContext';
import { parseBody, parseParams } from '../http/parseInput';
import { problems } from '../http/problems';
import { readJsonBody } from '../http/readJsonBody';
import { etagOf, jsonResponse } from '../http/responses';
import { runWrite } from '../http/runWrite';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { savedReportIssues, savedReportQuery } from './checkSavedReport';
import { runReport } from './runReport';
import { findVisibleSavedReport, listVisibleSavedReports, mayChangeSavedReport } from './savedReportAccess';
import { withSavedReports } from './savedReportTables';

/** The audit trail names a saved report as this record type, with the report's id. */
export const SAVED_REPORT_TRAIL_TYPE = 'saved_report';

/** The fields of a saved report its trail entries record. */
const trailedFields = [
  'name',
  'recordType',
  'filters',
  'groupBy',
  'metric',
  'cycleFrom',
  'cycleTo',
  'columns',
  'chart',
  'sharedWithRoles',
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function trailChanges(before: Partial<SavedReport>, after: Partial<SavedReport>) {
  return trailedFields
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }));
}

async function trail(
  trx: Transaction<Database>,
  context: RequestContext,
  action: 'create' | 'update' | 'delete',
  report: SavedReport,
  changes: ReturnType<typeof trailChanges>,
  at: string,
) {
  await appendAuditEntry(trx, {
    orgId: context.principal.orgId,
    at,
    actorId: context.principal.userId,
    actorName: context.principal.displayName,
    action,
    recordType: SAVED_REPORT_TRAIL_TYPE,
    recordId: report.id,
    recordNumber: null,
    changes,
    reason: null,
    source: context.source,
    stateFrom: null,
    stateTo: null,
  });
}

async function assertRunnable(context: RequestContext, report: SavedReport): Promise<void> {
  const issues = await savedReportIssues(context.kit.storage.db, context.kit.registry, report);
  if (issues.length > 0) throw problems.validation('The saved report cannot run as given.', issues);
}

function reportIdOf(context: RequestContext): string {
  return (parseParams(context.route.params, context.params) as { id: string }).id;
}

async function loadVisible(context: RequestContext): Promise<SavedReport> {
  authorizeOrganization(context, 'viewReports');
  const report = await findVisibleSavedReport(context.kit.storage.db, context.principal, reportIdOf(context));
  if (!report) throw problems.notFound('No saved report with that id.');
  return report;
}

/** `GET /saved-reports`: the caller's own and those shared with one of its roles. */
export async function listSavedReportsHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'viewReports');
  return jsonResponse({ items: await listVisibleSavedReports(context.kit.storage.db, context.principal) });
}

export async function getSavedReportHandler(context: RequestContext): Promise<Response> {
  const report = await loadVisible(context);
  return jsonResponse(report, 200, { etag: etagOf(report.version) });
}

/** `GET /saved-reports/{id}/result`: the report run now, for whoever may read its record type. */
export async function runSavedReportHandler(context: RequestContext): Promise<Response> {
  const report = await loadVisible(context);
  const recordType = context.kit.registry.byName(report.recordType);
  if (!recordType)
    throw problems.notFound(`The saved report's record type ${report.recordType} is not served.`);
  authorize(context, recordType, 'read');
  const result = await runReport(
    context.kit.storage.db,
    recordType,
    context.principal.orgId,
    savedReportQuery(report),
    { now: context.kit.now() },
  );
  return jsonResponse(result);
}

/** `POST /saved-reports`: checked against its record type's report (422), trailed as a `create`. */
export async function createSavedReportHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'manageSavedReports');
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const input = parseBody(savedReportInputSchema, value);
  const at = context.kit.now().toISOString();
  const report: SavedReport = {
    id: uuidv7(),
    name: input.name,
    recordType: input.recordType,
    filters: input.filters ?? {},
    groupBy: input.groupBy ?? null,
    metric: input.metric ?? 'count',
    cycleFrom: input.cycleFrom ?? null,
    cycleTo: input.cycleTo ?? null,
    columns: input.columns ?? [],
    chart: input.chart ?? 'bar',
    sharedWithRoles: input.sharedWithRoles ?? [],
    createdBy: context.principal.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await assertRunnable(context, report);
  return runWrite(context, text, async (trx) => {
    await withSavedReports(trx)
      .insertInto('saved_reports')
      .values({
        id: report.id,
        org_id: context.principal.orgId,
        name: report.name,
        record_type: report.recordType,
        filters: toJsonb(report.filters),
        group_by: report.groupBy,
        metric: report.metric,
        cycle_from: report.cycleFrom,
        cycle_to: report.cycleTo,
        columns: toJsonb(report.columns),
        chart: report.chart,
        shared_with_roles: toJsonb(report.sharedWithRoles),
        created_by: report.createdBy,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    await trail(trx, context, 'create', report, trailChanges({}, report), at);
    return { status: 201, headers: { etag: etagOf(1) }, body: report, events: [] };
  });
}

/** Loads a report the caller sees and may change, at the version its If-Match names. */
async function loadForChange(context: RequestContext): Promise<{ report: SavedReport; expected: number }> {
  authorizeOrganization(context, 'manageSavedReports');
  const expected = expectedVersion(context.request);
  const report = await loadVisible(context);
  if (!mayChangeSavedReport(context.principal, report))
    throw problems.forbidden('Only its creator or an administrator may change a saved report.');
  assertCurrent(expected, report.version);
  return { report, expected };
}

/** `PATCH /saved-reports/{id}`: If-Match; the creator or an administrator; trailed with old and new values. */
export async function updateSavedReportHandler(context: RequestContext): Promise<Response> {
  const { report: before, expected } = await loadForChange(context);
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const changes = parseBody(savedReportChangesSchema, value);
  const at = context.kit.now().toISOString();
  const after: SavedReport = {
    ...before,
    ...Object.fromEntries(Object.entries(changes).filter(([, change]) => change !== undefined)),
    updatedAt: at,
    version: before.version + 1,
  };
  await assertRunnable(context, after);
  return runWrite(context, text, async (trx) => {
    const updated = await withSavedReports(trx)
      .updateTable('saved_reports')
      .set({
        name: after.name,
        filters: toJsonb(after.filters),
        group_by: after.groupBy,
        metric: after.metric,
        cycle_from: after.cycleFrom,
        cycle_to: after.cycleTo,
        columns: toJsonb(after.columns),
        chart: after.chart,
        shared_with_roles: toJsonb(after.sharedWithRoles),
        updated_at: at,
        version: after.version,
      })
      .where('org_id', '=', context.principal.orgId)
      .where('id', '=', before.id)
      .where('version', '=', expected)
      .executeTakeFirst();
    // Changed by another since it was read: the version check of the write itself.
    if (Number(updated.numUpdatedRows) !== 1) throw problems.stale(before.version + 1);
    await trail(trx, context, 'update', after, trailChanges(before, after), at);
    return { status: 200, headers: { etag: etagOf(after.version) }, body: after, events: [] };
  });
}

/** `DELETE /saved-reports/{id}`: If-Match; the creator or an administrator; the trail keeps its last values. */
export async function deleteSavedReportHandler(context: RequestContext): Promise<Response> {
  const { report, expected } = await loadForChange(context);
  return runWrite(context, '', async (trx) => {
    const deleted = await withSavedReports(trx)
      .deleteFrom('saved_reports')
      .where('org_id', '=', context.principal.orgId)
      .where('id', '=', report.id)
      .where('version', '=', expected)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw problems.stale(report.version + 1);
    await trail(trx, context, 'delete', report, trailChanges(report, {}), context.kit.now().toISOString());
    return { status: 200, headers: {}, body: report, events: [] };
  });
}
