import { recordTypes } from '@masetra/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient } from '../createClient';
import { isClientValidationError } from '../errors/ClientValidationError';
import { baseUrl, url, useMockServer } from '../internal/testing/mockServer';

const server = useMockServer();
const setup = () => createClient({ baseUrl, getToken: () => 'token-1', retry: 0 });
const savedReport = {
  id: '6f1c2a4e-8a61-4d47-9b8e-0c2f5b0c1a01',
  name: 'Major deviations',
  recordType: 'deviation',
  filters: { severity: 'major' },
  groupBy: 'month',
  metric: 'count',
  cycleFrom: null,
  cycleTo: null,
  columns: [],
  chart: 'line',
  sharedWithRoles: ['qa_approver'],
  createdBy: 'user-1',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  version: 2,
};

describe('reports', () => {
  it('runs a record type’s report with its filters, grouping and metric', async () => {
    let query: Record<string, string> = {};
    server.use(
      http.get(url('/reports/deviations'), ({ request }) => {
        query = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json({
          recordType: 'deviation',
          groupBy: 'severity',
          metric: 'count',
          rows: [{ key: 'major', count: 3 }],
          total: 3,
        });
      }),
    );
    const result = await setup().reports.run(recordTypes.deviation, { state: 'closed', groupBy: 'severity' });
    expect(query).toEqual({ state: 'closed', groupBy: 'severity' });
    expect(result.rows).toEqual([{ key: 'major', count: 3 }]);
    // A grouping the type does not allow is refused before anything is sent.
    await expect(setup().reports.run(recordTypes.deviation, { groupBy: 'title' } as never)).rejects.toSatisfy(
      isClientValidationError,
    );
  });

  it('changes and deletes a saved report with If-Match of the version given', async () => {
    const seen: { method: string; ifMatch: string | null }[] = [];
    server.use(
      http.patch(url(`/saved-reports/${savedReport.id}`), ({ request }) => {
        seen.push({ method: request.method, ifMatch: request.headers.get('if-match') });
        return HttpResponse.json({ ...savedReport, version: 3 });
      }),
      http.delete(url(`/saved-reports/${savedReport.id}`), ({ request }) => {
        seen.push({ method: request.method, ifMatch: request.headers.get('if-match') });
        return HttpResponse.json(savedReport);
      }),
    );
    const changed = await setup().reports.updateSaved(savedReport.id, { name: 'Renamed' }, { version: 2 });
    await setup().reports.deleteSaved(savedReport.id, { version: 3 });
    expect(changed.version).toBe(3);
    expect(seen).toEqual([
      { method: 'PATCH', ifMatch: '"2"' },
      { method: 'DELETE', ifMatch: '"3"' },
    ]);
  });
});

describe('exports', () => {
  it('downloads a list as CSV with its columns and the server’s file name, with the bearer token', async () => {
    let seen: { query: Record<string, string>; authorization: string | null } | undefined;
    server.use(
      http.get(url('/deviations/export.csv'), ({ request }) => {
        seen = {
          query: Object.fromEntries(new URL(request.url).searchParams),
          authorization: request.headers.get('authorization'),
        };
        return new HttpResponse('number,title\r\nDEV-1,Excursion\r\n', {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="deviations.csv"',
          },
        });
      }),
    );
    const file = await setup().exports.records(recordTypes.deviation, 'csv', {
      severity: 'major',
      columns: 'number,title',
    });
    expect(seen).toEqual({
      query: { severity: 'major', columns: 'number,title' },
      authorization: 'Bearer token-1',
    });
    expect(file.fileName).toBe('deviations.csv');
    expect(await file.blob.text()).toBe('number,title\r\nDEV-1,Excursion\r\n');
  });

  it('starts a job, follows it and downloads its file; a record’s PDF is a file too', async () => {
    const job = {
      id: '0d7e3f1a-2b4c-4d5e-8f60-718293a4b5c6',
      state: 'running',
      source: 'records',
      format: 'xlsx',
      collection: 'deviations',
      rowsDone: 200,
      rowsTotal: 5000,
      fileName: 'deviations.xlsx',
      createdAt: '2026-11-25T10:00:00.000Z',
      finishedAt: null,
      expiresAt: null,
    };
    const deviationId = '9b2d6c1e-3f4a-4b5c-8d6e-7f8091a2b3c4';
    let body: unknown;
    server.use(
      http.post(url('/exports'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(job, { status: 202 });
      }),
      http.get(url(`/exports/${job.id}`), () => HttpResponse.json({ ...job, state: 'done', rowsDone: 5000 })),
      http.get(url(`/exports/${job.id}/file`), () => new HttpResponse(new Uint8Array([0x50, 0x4b]))),
      http.get(
        url(`/deviations/${deviationId}/export.pdf`),
        () =>
          new HttpResponse('%PDF', {
            headers: {
              'content-type': 'application/pdf',
              'content-disposition': 'attachment; filename="DEV-2026-0001.pdf"',
            },
          }),
      ),
    );
    const client = setup();
    const started = await client.exports.start({
      source: 'records',
      collection: 'deviations',
      format: 'xlsx',
      query: { state: 'closed' },
    });
    expect(body).toEqual({
      source: 'records',
      collection: 'deviations',
      format: 'xlsx',
      query: { state: 'closed' },
    });
    expect(started.rowsTotal).toBe(5000);
    expect((await client.exports.job(job.id)).state).toBe('done');
    expect((await client.exports.file(job.id)).blob.size).toBe(2);
    const pdf = await client.exports.recordPdf(recordTypes.deviation, deviationId);
    expect(pdf.fileName).toBe('DEV-2026-0001.pdf');
  });
});
