// MSW handlers answering the report, export and PDF routes with realistic data, for stories and
// tests: the fixture server does not compute reports. Numbers are fixed per key, not computed
// from the fixture records (a second implementation of the server's SQL would drift from it).
import {
  builtInRegistry,
  type ExportJob,
  type Kpis,
  type RecordType,
  type ReportResult,
  type ReportRow,
  type SavedReport,
} from '@masetra/core';
import { FIXTURE_NOW, fixtureUsers } from '@masetra/fixtures';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { describeField } from '../form/describeField';

/** The twelve months up to the fixture clock's (April 2026), as the server keys them. */
export const fixtureMonths = Array.from({ length: 12 }, (_, index) => {
  const month = new Date(Date.UTC(2025, 4 + index, 1));
  return month.toISOString().slice(0, 10);
});

/** A number from 0 to `range - 1` fixed by a text, so a story shows the same figures each time. */
function figure(text: string, range: number): number {
  let hash = 7;
  for (const character of text) hash = (hash * 31 + character.charCodeAt(0)) % 100_003;
  return hash % range;
}

const trend = (recordType: string, base: number) =>
  fixtureMonths.map((month, index) => ({
    recordType,
    month,
    opened: base + figure(`${recordType}${month}o`, base) + (index % 3),
    closed: base + figure(`${recordType}${month}c`, base) - 1,
  }));

/** The KPIs of the fixture organization for the twelve months to 15 April 2026. */
export const fixtureKpis: Kpis = {
  period: { from: '2025-05-01T00:00:00.000Z', to: FIXTURE_NOW },
  generatedAt: FIXTURE_NOW,
  openByState: [
    { recordType: 'deviation', state: 'draft', count: 3 },
    { recordType: 'deviation', state: 'in_assessment', count: 5 },
    { recordType: 'deviation', state: 'in_investigation', count: 9 },
    { recordType: 'deviation', state: 'in_final_approval', count: 2 },
    { recordType: 'capa', state: 'plan_approval', count: 2 },
    { recordType: 'capa', state: 'implementation', count: 7 },
    { recordType: 'capa', state: 'effectiveness_check', count: 3 },
    { recordType: 'document', state: 'draft', count: 4 },
    { recordType: 'document', state: 'in_review', count: 2 },
    { recordType: 'audit', state: 'planned', count: 2 },
    { recordType: 'finding', state: 'open', count: 6 },
  ],
  openBySeverity: [
    { recordType: 'deviation', severity: 'minor', count: 10 },
    { recordType: 'deviation', severity: 'major', count: 6 },
    { recordType: 'deviation', severity: 'critical', count: 1 },
    { recordType: 'deviation', severity: null, count: 2 },
  ],
  overdue: { deviations: 4, capas: 2, capaTasks: 5 },
  capaOnTime: { closed: 24, onTime: 19, rate: 19 / 24 },
  capaEffectiveness: { checks: 15, effective: 13, rate: 13 / 15 },
  documentsDueForReview: { dueWithin30Days: 6, overdue: 1 },
  findingsBySeverity: [
    { severity: 'observation', count: 8 },
    { severity: 'minor', count: 5 },
    { severity: 'major', count: 2 },
  ],
  openedClosedByMonth: [...trend('deviation', 6), ...trend('capa', 3)],
};

/** The keys a report of the type groups into, for the grouping asked. */
function groupKeysOf(recordType: RecordType, groupBy: string | null): (string | null)[] {
  if (groupBy === null) return [null];
  if (groupBy === 'state') return [...recordType.states];
  if (groupBy === 'ownerId')
    return Object.values(fixtureUsers)
      .map((user) => user.id)
      .slice(0, 5);
  if (groupBy === 'month') return fixtureMonths;
  if (groupBy === 'week')
    return fixtureMonths.slice(-3).flatMap((month) => [month, `${month.slice(0, 8)}08`]);
  const schema = recordType.fields[groupBy];
  return [...((schema && describeField(schema).options) ?? []), null];
}

/** A report's answer: plausible measures per group, the total over them. */
export function fixtureReport(recordType: RecordType, query: URLSearchParams): ReportResult {
  const groupBy = query.get('groupBy');
  const metric = (query.get('metric') ?? 'count') as ReportResult['metric'];
  const scale =
    query.get('q') || [...query.keys()].some((key) => !['groupBy', 'metric'].includes(key)) ? 4 : 12;
  const rows: ReportRow[] = groupKeysOf(recordType, groupBy)
    .map((key): ReportRow => {
      const seed = `${recordType.name}${groupBy}${key}`;
      const count = figure(seed, scale) + (groupBy === null ? 40 : 1);
      if (metric === 'overdue') return { key, overdue: figure(`${seed}o`, 4) };
      if (metric === 'cycleTime') {
        const median = 8 + figure(`${seed}m`, 30);
        return { key, count, medianDays: median, p90Days: median + 5 + figure(`${seed}p`, 25) };
      }
      if (metric === 'openedClosed')
        return { key, opened: count, closed: Math.max(0, count - figure(`${seed}c`, 4)) };
      return { key, count };
    })
    .filter((row) => metric !== 'count' || groupBy === null || (row.count ?? 0) > 0);
  const total = rows.reduce((sum, row) => sum + (row.count ?? row.overdue ?? row.opened ?? 0), 0);
  return { recordType: recordType.name, groupBy, metric, rows, total };
}

export interface ReportHandlerOptions {
  /** Saved reports to start with. */
  savedReports?: readonly SavedReport[];
  /** The rows an export job counts; more than a page (200) by default. */
  exportRows?: number;
  /** Rows an export job writes between two polls; `0` leaves it running for ever (a story of its progress). */
  rowsPerPoll?: number;
  /** The total every report answers with when counting for an export, to force a direct download or a job. */
  countForExport?: number;
}

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n% fixture\n%%EOF\n');
const xlsxBytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);

function file(bytes: Uint8Array | string, contentType: string, fileName: string) {
  return new HttpResponse(bytes, {
    headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${fileName}"` },
  });
}

/**
 * Handlers of `/reports/*`, `/saved-reports*`, `/exports*` and the export and PDF routes of every
 * collection. Saved reports and jobs live in the handlers' own memory, fresh for each call.
 */
export function reportHandlers(options: ReportHandlerOptions = {}): HttpHandler[] {
  const saved = new Map((options.savedReports ?? []).map((report) => [report.id, report]));
  const jobs = new Map<string, ExportJob>();
  const rowsPerPoll = options.rowsPerPoll ?? 1500;
  let sequence = 0;
  const typeOf = (collection: string) => builtInRegistry.byCollection(collection);
  const notFound = () =>
    HttpResponse.json(
      { type: 'https://masetra.dev/problems/not-found', title: 'Not found', status: 404 },
      { status: 404, headers: { 'content-type': 'application/problem+json' } },
    );

  return [
    http.get('*/reports/kpis', () => HttpResponse.json(fixtureKpis)),
    http.get('*/reports/management-review.pdf', ({ request }) => {
      const url = new URL(request.url);
      return file(pdfBytes, 'application/pdf', `management-review-${url.searchParams.get('from')}.pdf`);
    }),
    http.get('*/reports/:collection', ({ params, request }) => {
      const recordType = typeOf(String(params.collection));
      if (!recordType) return notFound();
      const query = new URL(request.url).searchParams;
      const report = fixtureReport(recordType, query);
      if (options.countForExport !== undefined && query.get('metric') === 'count' && !query.get('groupBy'))
        return HttpResponse.json({ ...report, total: options.countForExport });
      return HttpResponse.json(report);
    }),
    http.get('*/saved-reports', () => HttpResponse.json({ items: [...saved.values()] })),
    http.post('*/saved-reports', async ({ request }) => {
      const input = (await request.json()) as Partial<SavedReport> & { name: string; recordType: string };
      sequence += 1;
      const report: SavedReport = {
        id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
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
        createdBy: fixtureUsers.dana.id,
        createdAt: FIXTURE_NOW,
        updatedAt: FIXTURE_NOW,
        version: 1,
      };
      saved.set(report.id, report);
      return HttpResponse.json(report, { status: 201 });
    }),
    http.get('*/saved-reports/:id/result', ({ params }) => {
      const report = saved.get(String(params.id));
      const recordType = report && builtInRegistry.byName(report.recordType);
      if (!report || !recordType) return notFound();
      const query = new URLSearchParams({ ...report.filters, metric: report.metric });
      if (report.groupBy) query.set('groupBy', report.groupBy);
      return HttpResponse.json(fixtureReport(recordType, query));
    }),
    http.get('*/saved-reports/:id', ({ params }) => {
      const report = saved.get(String(params.id));
      return report ? HttpResponse.json(report) : notFound();
    }),
    http.patch('*/saved-reports/:id', async ({ params, request }) => {
      const report = saved.get(String(params.id));
      if (!report) return notFound();
      const changed: SavedReport = {
        ...report,
        ...((await request.json()) as Partial<SavedReport>),
        version: report.version + 1,
      };
      saved.set(changed.id, changed);
      return HttpResponse.json(changed);
    }),
    http.delete('*/saved-reports/:id', ({ params }) => {
      const report = saved.get(String(params.id));
      if (!report) return notFound();
      saved.delete(report.id);
      return HttpResponse.json(report);
    }),
    http.post('*/exports', async ({ request }) => {
      const input = (await request.json()) as { collection?: string; format: ExportJob['format'] };
      sequence += 1;
      const job: ExportJob = {
        id: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
        state: 'running',
        source: 'records',
        format: input.format,
        collection: input.collection ?? null,
        rowsDone: 0,
        rowsTotal: options.exportRows ?? 4200,
        fileName: `${input.collection ?? 'audit-trail'}-2026-04-15.${input.format}`,
        createdAt: FIXTURE_NOW,
        finishedAt: null,
        expiresAt: null,
      };
      jobs.set(job.id, job);
      return HttpResponse.json(job, { status: 202 });
    }),
    http.get('*/exports/:id/file', ({ params }) => {
      const job = jobs.get(String(params.id));
      if (!job) return notFound();
      return file(
        job.format === 'csv' ? 'number,title\n' : xlsxBytes,
        'application/octet-stream',
        job.fileName,
      );
    }),
    http.get('*/exports/:id', ({ params }) => {
      const job = jobs.get(String(params.id));
      if (!job) return notFound();
      const total = job.rowsTotal ?? 0;
      const rowsDone = Math.min(total, job.rowsDone + rowsPerPoll);
      const next: ExportJob =
        rowsDone === total && rowsPerPoll > 0
          ? {
              ...job,
              rowsDone,
              state: 'done',
              finishedAt: FIXTURE_NOW,
              expiresAt: '2026-04-16T12:00:00.000Z',
            }
          : { ...job, rowsDone: rowsPerPoll > 0 ? rowsDone : Math.round(total * 0.35) };
      jobs.set(job.id, next);
      return HttpResponse.json(next);
    }),
    http.get('*/:collection/export.csv', ({ params }) =>
      file(
        'number,title,state\nDEV-2026-0101,Temperature excursion,draft\n',
        'text/csv; charset=utf-8',
        `${params.collection}.csv`,
      ),
    ),
    http.get('*/:collection/export.xlsx', ({ params }) =>
      file(
        xlsxBytes,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `${params.collection}.xlsx`,
      ),
    ),
    http.get('*/:collection/:id/export.pdf', ({ params }) =>
      file(pdfBytes, 'application/pdf', `${params.collection}-${params.id}.pdf`),
    ),
  ];
}
