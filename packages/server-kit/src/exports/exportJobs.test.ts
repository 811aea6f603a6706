/**
 * Issue 14, export jobs over HTTP on both drivers: `POST /exports` answers 202 with a queued job
 * (Idempotency-Key honoured), the outbox worker runs it with progress, the file downloads when
 * done (409 before, 410 after it expired) and holds the list's rows; only the requester or an
 * administrator of the organization sees a job; a job whose process died is taken over and run
 * once however many processes try; and bad requests are 4xx problems that store nothing.
 */
import { PROBLEM_CONTENT_TYPE } from '@masetra/core';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPagesText } from '../documents/extractPdfText';
import { kitStartTimeout, startTestKit, type TestKit, type TestUser } from '../http/testing/startTestKit';
import { createOutboxWorker } from '../outbox';
import type { ExportDatabase } from './exportJobTables';
import { EXPORT_JOB_EVENT } from './runExportJob';
import { download, readWorkbook, storeDeviations, wholeList } from './testing/exportSteps';

/** The server clock: a job's expiry is judged by it. */
let now = new Date('2026-11-30T09:00:00.000Z');
let kit: TestKit;
const COUNT = 450;
beforeAll(async () => {
  kit = await startTestKit({ qms: { clock: () => now } });
  await storeDeviations(kit, 'org-a', COUNT, 'DEV-A');
  await storeDeviations(kit, 'org-b', 5, 'DEV-B');
}, kitStartTimeout);
afterAll(() => kit.close());

const db = () => kit.storage.db as unknown as Kysely<ExportDatabase>;

/** The outbox worker as a host runs it: export events go to the kit's job runner. */
function exportWorker() {
  return createOutboxWorker({
    storage: kit.storage,
    deliver: async (event) => {
      if (event.type === EXPORT_JOB_EVENT)
        await kit.qms.runExportJob((event.payload as { exportId: string }).exportId);
    },
  });
}

async function startExport(user: TestUser, body: unknown, headers: Record<string, string> = {}) {
  return kit.as(user)('/exports', { method: 'POST', body, headers });
}

async function jobCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM export_jobs`.execute(
    kit.storage.db,
  );
  return Number(rows[0]?.n);
}

describe('an export job', () => {
  it('answers 202 queued, runs on the outbox worker, and downloads the list’s rows once done', async () => {
    const started = await startExport('olivia', {
      source: 'records',
      collection: 'deviations',
      format: 'xlsx',
      query: { severity: 'major,critical', sort: 'number' },
      columns: ['number', 'title', 'occurredAt', 'capaRequired'],
    });
    expect(started.status, started.text).toBe(202);
    const job = started.json;
    expect(job).toMatchObject({
      state: 'queued',
      source: 'records',
      format: 'xlsx',
      collection: 'deviations',
      rowsDone: 0,
      rowsTotal: null,
      fileName: 'deviations-2026-11-30.xlsx',
      finishedAt: null,
      expiresAt: null,
    });
    expect(started.headers.get('location')).toMatch(new RegExp(`/exports/${job.id}$`));

    const early = await kit.as('olivia')(`/exports/${job.id}/file`);
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);

    // Progress as the job runs: read between its pages, never falling back, ending at the total.
    const seen: number[] = [];
    const worker = exportWorker();
    const running = worker.drain();
    let state = 'queued';
    while (state !== 'done') {
      const polled = (await kit.as('olivia')(`/exports/${job.id}`)).json;
      state = polled.state;
      seen.push(polled.rowsDone);
      if (polled.state === 'failed') throw new Error(JSON.stringify(polled));
    }
    await running;
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const done = (await kit.as('olivia')(`/exports/${job.id}`)).json;
    const expected = Math.round((COUNT * 2) / 3);
    expect(done).toMatchObject({ state: 'done', rowsDone: expected, rowsTotal: expected });
    expect(done.finishedAt).toBe(now.toISOString());
    expect(Date.parse(done.expiresAt) - Date.parse(done.finishedAt)).toBe(7 * 24 * 60 * 60 * 1000);

    const file = await download(kit, 'olivia', `/exports/${job.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="deviations-2026-11-30.xlsx"');
    expect(Number(file.headers.get('content-length'))).toBe(file.bytes.byteLength);
    const { sheet, header, rows } = await readWorkbook(file.bytes);
    expect(header).toEqual(['number', 'title', 'occurredAt', 'capaRequired']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const list = await wholeList(kit, 'olivia', '/deviations', 'severity=major,critical&sort=number');
    expect(rows.map((row) => row[0])).toEqual(list.map((record) => record.number));
    expect(rows.map((row) => (row[2] as Date).toISOString())).toEqual(
      list.map((record) => record.occurredAt),
    );
    expect(rows.map((row) => row[3])).toEqual(list.map((record) => record.capaRequired));
  });

  it('is written to the audit trail once, as an export with the job’s id', async () => {
    const job = (await startExport('ian', { source: 'records', collection: 'deviations', format: 'csv' }))
      .json;
    const trail = await kit.as('quinn')('/audit-trail?recordType=export&actorId=ian');
    expect(trail.json.items).toHaveLength(1);
    expect(trail.json.items[0]).toMatchObject({ action: 'export', recordId: job.id });
    expect(trail.json.items[0].changes).toEqual([
      { field: 'what', new: 'deviations' },
      { field: 'format', new: 'csv' },
      {
        field: 'filters',
        new: { columns: ['number', 'title', 'state', 'ownerId', 'createdAt', 'severity', 'area'] },
      },
    ]);
    await exportWorker().drain();
    // Running it wrote no second entry.
    expect((await kit.as('quinn')('/audit-trail?recordType=export&actorId=ian')).json.items).toHaveLength(1);
    const csv = await kit.as('ian')(`/exports/${job.id}/file`);
    expect(csv.status).toBe(200);
    expect(parse(csv.text, { columns: true })).toHaveLength(COUNT);
  });

  it('is seen by its requester and the organization’s administrators only: anyone else gets a 404', async () => {
    const job = (await startExport('olivia', { source: 'records', collection: 'deviations', format: 'csv' }))
      .json;
    await exportWorker().drain();
    expect((await kit.as('olivia')(`/exports/${job.id}`)).status).toBe(200);
    expect((await kit.as('adam')(`/exports/${job.id}`)).status).toBe(200);
    for (const user of ['greta', 'ian'] as const) {
      expect((await kit.as(user)(`/exports/${job.id}`)).status, user).toBe(404);
      expect((await kit.as(user)(`/exports/${job.id}/file`)).status, user).toBe(404);
    }
    expect((await kit.as('olivia')(`/exports/${uuidv7()}`)).status).toBe(404);
    expect((await kit.as('olivia')('/exports/not-a-uuid')).status).toBe(404);
  });

  it('exports only the requester’s organization', async () => {
    const job = (
      await startExport('greta', {
        source: 'records',
        collection: 'deviations',
        format: 'csv',
        columns: ['number'],
      })
    ).json;
    await exportWorker().drain();
    const rows: { number: string }[] = parse((await kit.as('greta')(`/exports/${job.id}/file`)).text, {
      columns: true,
    });
    expect(rows.map((row) => row.number)).toEqual(Array.from({ length: 5 }, (_, i) => `DEV-B-0000${4 - i}`));
  });

  it('answers a retry with the same Idempotency-Key with the first job, and stores one', async () => {
    const body = { source: 'records', collection: 'deviations', format: 'csv', query: { area: 'Warehouse' } };
    const headers = { 'idempotency-key': `export-${uuidv7()}` };
    const before = await jobCount();
    const first = await startExport('olivia', body, headers);
    const second = await startExport('olivia', body, headers);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.json.id).toBe(first.json.id);
    expect(await jobCount()).toBe(before + 1);
    await exportWorker().drain();
  });

  it('exports the audit trail with its filters, as the direct download has it', async () => {
    const filters = { recordType: 'deviation', action: 'create' };
    const direct = await kit.as('quinn')('/audit-trail/export.csv?recordType=deviation&action=create');
    const job = (await startExport('quinn', { source: 'auditTrail', format: 'csv', query: filters })).json;
    await exportWorker().drain();
    const file = await kit.as('quinn')(`/exports/${job.id}/file`);
    expect(file.status).toBe(200);
    expect(file.text).toBe(direct.text);

    const xlsx = (await startExport('quinn', { source: 'auditTrail', format: 'xlsx', query: filters })).json;
    await exportWorker().drain();
    const { rows } = await readWorkbook((await download(kit, 'quinn', `/exports/${xlsx.id}/file`)).bytes);
    expect(rows).toHaveLength(parse(direct.text, { columns: true }).length);
  });
});

describe('an audit-trail PDF job', () => {
  it('writes the PDF export’s document of the filtered trail, in the requester’s language, with every entry', async () => {
    const direct = parse((await kit.as('quinn')('/audit-trail/export.csv?action=export')).text, {
      columns: true,
    }) as { entry_id: string }[];
    const entries = new Set(direct.map((row) => row.entry_id)).size;
    const started = await startExport(
      'quinn',
      { source: 'auditTrail', format: 'pdf', query: { action: 'export' } },
      { 'accept-language': 'de-DE,de;q=0.9' },
    );
    expect(started.status, started.text).toBe(202);
    expect(started.json.fileName).toBe('audit-trail-2026-11-30.pdf');
    await exportWorker().drain();
    // The trail as it stood when the job was asked for: the CSV export's own entry is in it, the job's is not.
    const done = (await kit.as('quinn')(`/exports/${started.json.id}`)).json;
    expect(done).toMatchObject({ state: 'done', rowsDone: entries + 1, rowsTotal: entries + 1 });
    const file = await download(kit, 'quinn', `/exports/${started.json.id}/file`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfPagesText(new Uint8Array(file.bytes))).join('\n');
    expect(text).toContain('Quinn QA (quinn)');
    expect(text).toContain(`Ende des Exports: ${entries + 1} Einträge`);
  });
});

describe('a job whose process died', () => {
  it('is taken over by the sweep under a new run, finishes once, and keeps only the finishing run’s file', async () => {
    const job = (
      await startExport('olivia', {
        source: 'records',
        collection: 'deviations',
        format: 'csv',
        columns: ['number'],
      })
    ).json;
    // A process claimed it, wrote a piece of the file, and died: its heartbeat stopped two minutes ago.
    const deadRun = uuidv7();
    await db()
      .updateTable('export_jobs')
      .set({
        state: 'running',
        run_id: deadRun,
        heartbeat_at: sql`now() - interval '2 minutes'`,
        rows_done: 200,
      })
      .where('id', '=', job.id)
      .execute();
    await db()
      .insertInto('export_job_chunks')
      .values({ job_id: job.id, run_id: deadRun, seq: 0, bytes: Buffer.from('half a file') })
      .execute();
    // A live run's heartbeat keeps another from taking it: a second claim of a fresh job fails.
    expect((await kit.qms.runExportJobs()).ran).toBe(1);
    const done = (await kit.as('olivia')(`/exports/${job.id}`)).json;
    expect(done).toMatchObject({ state: 'done', rowsDone: COUNT, rowsTotal: COUNT });
    const rows = parse((await kit.as('olivia')(`/exports/${job.id}/file`)).text, { columns: true });
    expect(rows).toHaveLength(COUNT);
    const pieces = await db()
      .selectFrom('export_job_chunks')
      .select('run_id')
      .where('job_id', '=', job.id)
      .execute();
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.every((piece) => piece.run_id !== deadRun)).toBe(true);
    // Its outbox event, delivered later, finds nothing to run.
    expect(await kit.qms.runExportJob(job.id)).toBe(false);
    await exportWorker().drain();
  });

  it('is run by one of several processes trying at once', async () => {
    const job = (
      await startExport('olivia', {
        source: 'records',
        collection: 'deviations',
        format: 'csv',
        columns: ['number'],
      })
    ).json;
    const ran = await Promise.all([
      kit.qms.runExportJob(job.id),
      kit.qms.runExportJob(job.id),
      kit.qms.runExportJob(job.id),
    ]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect((await kit.as('olivia')(`/exports/${job.id}`)).json.state).toBe('done');
    await exportWorker().drain();
  });
});

describe('an expired export', () => {
  it('answers 410 for its file after the retention, and the sweep deletes the file', async () => {
    const job = (await startExport('olivia', { source: 'records', collection: 'deviations', format: 'csv' }))
      .json;
    await exportWorker().drain();
    expect((await kit.as('olivia')(`/exports/${job.id}/file`)).status).toBe(200);
    const saved = now;
    now = new Date(saved.getTime() + 8 * 24 * 60 * 60 * 1000);
    try {
      const gone = await kit.as('olivia')(`/exports/${job.id}/file`);
      expect(gone.status).toBe(410);
      expect(gone.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
      expect((await kit.qms.runExportJobs()).purgedFiles).toBeGreaterThan(0);
      const pieces = await db()
        .selectFrom('export_job_chunks')
        .select('seq')
        .where('job_id', '=', job.id)
        .execute();
      expect(pieces).toEqual([]);
      expect((await kit.as('olivia')(`/exports/${job.id}`)).json.state).toBe('done');
    } finally {
      now = saved;
    }
  });
});

describe('a refused export', () => {
  const refusals: [string, TestUser, unknown, number, string][] = [
    [
      'an unknown column',
      'olivia',
      { source: 'records', collection: 'deviations', format: 'csv', columns: ['number', 'colour'] },
      422,
      '/columns',
    ],
    [
      'an unknown collection',
      'olivia',
      { source: 'records', collection: 'invoices', format: 'csv' },
      422,
      '/collection',
    ],
    [
      'a sort the type does not offer',
      'olivia',
      { source: 'records', collection: 'deviations', format: 'xlsx', query: { sort: 'colour' } },
      422,
      '/query/sort',
    ],
    [
      'paging in the query',
      'olivia',
      { source: 'records', collection: 'deviations', format: 'xlsx', query: { limit: '5' } },
      422,
      '/query/limit',
    ],
    [
      'a format a record list has not',
      'olivia',
      { source: 'records', collection: 'deviations', format: 'pdf' },
      422,
      '/format',
    ],
    [
      'a bad trail filter',
      'quinn',
      { source: 'auditTrail', format: 'csv', query: { from: 'yesterday' } },
      422,
      '/query/from',
    ],
    [
      'the trail, to someone who may not export it',
      'olivia',
      { source: 'auditTrail', format: 'csv' },
      403,
      '',
    ],
  ];
  it.each(refusals)('%s is a problem that stores nothing', async (_name, user, body, status, pointer) => {
    const before = await kit.counts();
    const jobs = await jobCount();
    const response = await startExport(user, body);
    expect(response.status, response.text).toBe(status);
    expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    if (pointer)
      expect(response.json.errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer);
    expect(await kit.counts()).toEqual(before);
    expect(await jobCount()).toBe(jobs);
  });
});
