import { recordTypes } from '@masetra/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient } from '../createClient';
import { baseUrl, url, useMockServer } from '../internal/testing/mockServer';

const server = useMockServer();
const setup = () => createClient({ baseUrl, getToken: () => 'token-1', retry: 0 });
const job = {
  id: '0196a0c4-6f1c-7a4e-8a61-4d479b8e0c2f',
  state: 'queued',
  collection: 'deviations',
  format: 'csv',
  fileName: 'legacy.csv',
  sha256: 'ab'.repeat(32),
  rowsDone: 0,
  rowsTotal: 2,
  created: [],
  problems: [],
  createdAt: '2026-11-30T10:00:00.000Z',
  finishedAt: null,
};

describe('imports', () => {
  it('sends the file raw as CSV with its name, a dry run by default query, and reads the report', async () => {
    const seen: { query: string | null; type: string | null; name: string | null; body: string }[] = [];
    server.use(
      http.post(url('/deviations/import'), async ({ request }) => {
        const query = new URL(request.url).searchParams.get('dryRun');
        seen.push({
          query,
          type: request.headers.get('content-type'),
          name: request.headers.get('x-file-name'),
          body: await request.text(),
        });
        return query === 'true'
          ? HttpResponse.json({
              rows: 2,
              valid: 1,
              problems: [{ row: 3, column: 'severity', code: 'invalid_enum', detail: 'No.' }],
            })
          : HttpResponse.json(job, { status: 202 });
      }),
    );
    const file = {
      data: new TextEncoder().encode('title,severity\nA,minor\nB,huge\n'),
      fileName: 'legacy.csv',
    };
    const report = await setup().imports.check(recordTypes.deviation, file);
    expect(report.problems[0]).toMatchObject({ row: 3, column: 'severity' });
    const started = await setup().imports.start(recordTypes.deviation, file);
    expect(started).toMatchObject({ state: 'queued', rowsTotal: 2 });
    expect(seen).toEqual([
      { query: 'true', type: 'text/csv', name: 'legacy.csv', body: 'title,severity\nA,minor\nB,huge\n' },
      { query: 'false', type: 'text/csv', name: 'legacy.csv', body: 'title,severity\nA,minor\nB,huge\n' },
    ]);
  });

  it('names a workbook by its extension, and follows a job', async () => {
    let type: string | null = null;
    server.use(
      http.post(url('/capas/import'), ({ request }) => {
        type = request.headers.get('content-type');
        return HttpResponse.json({ rows: 1, valid: 1, problems: [] });
      }),
      http.get(url(`/imports/${job.id}`), () =>
        HttpResponse.json({
          ...job,
          state: 'done',
          rowsDone: 2,
          created: [{ row: 2, id: 'r1', number: 'DEV-1' }],
        }),
      ),
    );
    await setup().imports.check(recordTypes.capa, { data: new Uint8Array([80, 75]), fileName: 'Plan.XLSX' });
    expect(type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await setup().imports.job(job.id)).created).toEqual([{ row: 2, id: 'r1', number: 'DEV-1' }]);
  });
});
