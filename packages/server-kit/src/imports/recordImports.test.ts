/**
 * Issue 15, bulk import over HTTP on both drivers: a dry run lists each row's problems by row and
 * column and writes nothing; a real run is a job that creates the records through the create
 * path (numbers, `create` trail entries, events) plus one `import` trail entry; the same file
 * again creates nothing; a job stopped half-way is resumed by another run without duplicates;
 * an export re-imports; XLSX reads as CSV does; another organization sees none of it; and
 * refused requests are 4xx problems, never 500.
 */
import { PROBLEM_CONTENT_TYPE } from '@masetra/core';
import ExcelJS from 'exceljs';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, storeDeviations } from '../exports/testing/exportSteps';
import { kitStartTimeout, startTestKit, type TestKit, type TestUser } from '../http/testing/startTestKit';
import type { DomainEvent } from '../services/QmsOptions';
import type { ImportDatabase } from './importJobTables';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Called with each event the kit emits after a commit: the interruption test stops a run from here. */
let onEvent: (event: DomainEvent) => void = () => {};
let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({ qms: { hooks: { onEvent: (event) => onEvent(event) } } });
}, kitStartTimeout);
afterAll(() => kit.close());

const db = () => kit.storage.db as unknown as Kysely<ImportDatabase>;

function upload(
  user: TestUser,
  body: string | Uint8Array,
  dryRun: boolean,
  contentType = CSV,
  collection = 'deviations',
) {
  return kit.as(user)(`/${collection}/import?dryRun=${dryRun}`, {
    method: 'POST',
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    headers: { 'content-type': contentType, 'x-file-name': 'legacy.csv' },
  });
}

async function deviationCount(orgId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM deviations WHERE org_id = ${orgId}`.execute(kit.storage.db);
  return Number(rows[0]?.n);
}

async function trailCount(orgId: string, action: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM audit_trail WHERE org_id = ${orgId} AND action = ${action}`.execute(
    kit.storage.db,
  );
  return Number(rows[0]?.n);
}

/** A file of `count` good deviation rows, each told apart by `tag`. */
function goodCsv(count: number, tag: string): string {
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `${tag} ${i},${['minor', 'major', 'critical'][i % 3]},2026-0${(i % 9) + 1}-15,${i % 2 === 0 ? 'true' : 'no'},Line ${i}`,
  );
  return ['title,severity,occurredAt,capaRequired,area', ...rows].join('\n');
}

async function runQueuedJob(id: string) {
  expect(await kit.qms.runImportJob(id)).toBe(true);
  const job = await kit.as('quinn')(`/imports/${id}`);
  expect(job.status, job.text).toBe(200);
  return job.json;
}

describe('a dry run', () => {
  it('reports each problem with row and column, and writes nothing', async () => {
    const before = await kit.counts();
    const file = [
      'title,severity,occurredAt,colour,capaRequired',
      'Good row,major,2026-03-01,blue,true',
      'Bad enum,catastrophic,2026-03-01,,false',
      ',minor,2026-03-01,,',
      'Bad date,minor,31.02.2026x,,maybe',
    ].join('\r\n');
    const response = await upload('quinn', file, true);
    expect(response.status, response.text).toBe(200);
    expect(response.json.rows).toBe(4);
    expect(response.json.valid).toBe(0);
    const problems = response.json.problems as { row: number; column: string; code: string }[];
    expect(problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'colour', code: 'unknown_column' },
        { row: 3, column: 'severity', code: 'invalid_enum' },
        { row: 4, column: 'title', code: 'required' },
        { row: 5, column: 'occurredAt', code: 'invalid_date' },
        { row: 5, column: 'capaRequired', code: 'invalid_boolean' },
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(await kit.counts()).toEqual(before);
  });

  it('refuses lifecycle and server-set columns, and the real run refuses a file with problems (422), creating nothing', async () => {
    const file = 'number,state,title,linkedCapaIds\nDEV-1,closed,A title,[]\n';
    const dry = await upload('quinn', file, true);
    expect(
      dry.json.problems.map((problem: { column: string; code: string }) => [problem.column, problem.code]),
    ).toEqual([
      ['number', 'refused_column'],
      ['state', 'refused_column'],
      ['linkedCapaIds', 'refused_column'],
    ]);
    const before = await kit.counts();
    const real = await upload('quinn', file, false);
    expect(real.status, real.text).toBe(422);
    expect(real.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    expect(real.json.errors).toContainEqual({ pointer: '/rows/1/state', detail: expect.any(String) });
    expect(await kit.counts()).toEqual(before);
  });
});

describe('an import job', () => {
  it('creates N numbered records with their create trail, one import entry, and the same file again creates nothing', async () => {
    const recordsBefore = await deviationCount('org-a');
    const createsBefore = await trailCount('org-a', 'create');
    const importsBefore = await trailCount('org-a', 'import');
    const file = goodCsv(12, 'Legacy');
    const dry = await upload('quinn', file, true);
    expect(dry.json).toEqual({ rows: 12, valid: 12, problems: [] });

    const started = await upload('quinn', file, false);
    expect(started.status, started.text).toBe(202);
    expect(started.json).toMatchObject({
      state: 'queued',
      collection: 'deviations',
      rowsTotal: 12,
      rowsDone: 0,
      created: [],
    });
    expect(started.headers.get('location')).toMatch(new RegExp(`/imports/${started.json.id}$`));
    const job = await runQueuedJob(started.json.id);
    expect(job).toMatchObject({ state: 'done', rowsDone: 12, rowsTotal: 12, fileName: 'legacy.csv' });
    expect(job.created.map((created: { row: number }) => created.row)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 2),
    );
    const numbers = job.created.map((created: { number: string }) => created.number);
    expect(new Set(numbers).size).toBe(12);
    for (const number of numbers) expect(number).toMatch(/^DEV-/);

    expect(await deviationCount('org-a')).toBe(recordsBefore + 12);
    expect(await trailCount('org-a', 'create')).toBe(createsBefore + 12);
    expect(await trailCount('org-a', 'import')).toBe(importsBefore + 1);
    const first = job.created[0] as { id: string };
    const record = await kit.as('quinn')(`/deviations/${first.id}`);
    expect(record.json).toMatchObject({
      title: 'Legacy 0',
      severity: 'minor',
      occurredAt: '2026-01-15T00:00:00.000Z',
      capaRequired: true,
      area: 'Line 0',
      state: 'draft',
      createdBy: 'quinn',
    });
    const trail = await kit.as('quinn')(`/deviations/${first.id}/audit-trail`);
    expect(trail.json.items[0]).toMatchObject({ action: 'create', actorId: 'quinn' });

    // The same file, again: the job it already is, and nothing created.
    const again = await upload('quinn', file, false);
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ id: started.json.id, state: 'done', rowsDone: 12 });
    expect(await kit.qms.runImportJob(started.json.id)).toBe(false);
    expect(await deviationCount('org-a')).toBe(recordsBefore + 12);
    expect(await trailCount('org-a', 'import')).toBe(importsBefore + 1);
  });

  it('stopped half-way, is resumed by another run that creates each remaining row once', async () => {
    const recordsBefore = await deviationCount('org-a');
    const started = await upload('quinn', goodCsv(30, 'Resumed'), false);
    expect(started.status, started.text).toBe(202);
    const id = started.json.id as string;
    // The first run stops after a few records, as a process that shuts down or dies between rows.
    const stop = new AbortController();
    let created = 0;
    onEvent = (event) => {
      if (event.type === 'deviation.created' && ++created >= 3) stop.abort();
    };
    expect(await kit.qms.runImportJob(id, { signal: stop.signal })).toBe(true);
    onEvent = () => {};
    const halfway = await kit.as('quinn')(`/imports/${id}`);
    expect(halfway.json.state).toBe('running');
    expect(halfway.json.rowsDone).toBeGreaterThanOrEqual(3);
    expect(halfway.json.rowsDone).toBeLessThan(30);
    // A live claim is not taken over; one whose heartbeat stopped is.
    expect(await kit.qms.runImportJobs()).toBe(0);
    await db()
      .updateTable('import_jobs')
      .set({ heartbeat_at: sql`now() - interval '5 minutes'` })
      .where('id', '=', id)
      .execute();
    expect(await kit.qms.runImportJobs()).toBe(1);
    const done = await kit.as('quinn')(`/imports/${id}`);
    expect(done.json).toMatchObject({ state: 'done', rowsDone: 30 });
    expect(await deviationCount('org-a')).toBe(recordsBefore + 30);
    const { rows } = await sql<{ n: number }>`
      SELECT count(DISTINCT title)::int AS n FROM deviations WHERE org_id = 'org-a' AND title LIKE 'Resumed %'`.execute(
      kit.storage.db,
    );
    expect(Number(rows[0]?.n)).toBe(30);
  });

  it('re-imports a CSV export of the same columns (formula-guarded text too), and reads an export workbook as CSV', async () => {
    // Org B's own list: four records, the first titled like a formula, which the CSV guards with `'`.
    await storeDeviations(kit, 'org-b', 4, 'DEV-X');
    const columns = 'title,severity,area,occurredAt,capaRequired';
    const list = `/deviations/export.csv?columns=${columns}&sort=number`;
    const csv = await download(kit, 'greta', list);
    expect(csv.status).toBe(200);
    expect(csv.bytes.toString()).toContain("'=cmd");
    const xlsx = await download(kit, 'greta', list.replace('export.csv', 'export.xlsx'));
    expect(xlsx.status).toBe(200);
    const before = await deviationCount('org-b');
    const fromCsv = await upload('greta', csv.bytes, false);
    expect(fromCsv.status, fromCsv.text).toBe(202);
    const csvJob = await kit.qms
      .runImportJob(fromCsv.json.id)
      .then(() => kit.as('greta')(`/imports/${fromCsv.json.id}`));
    expect(csvJob.json).toMatchObject({ state: 'done', format: 'csv', rowsDone: 4 });

    const fromXlsx = await upload('greta', xlsx.bytes, false, XLSX);
    expect(fromXlsx.status, fromXlsx.text).toBe(202);
    await kit.qms.runImportJob(fromXlsx.json.id);
    const xlsxJob = await kit.as('greta')(`/imports/${fromXlsx.json.id}`);
    expect(xlsxJob.json).toMatchObject({ state: 'done', format: 'xlsx', rowsDone: 4 });
    expect(await deviationCount('org-b')).toBe(before + 8);

    const originals = (await kit.as('greta')('/deviations?sort=number&limit=4')).json.items;
    const picked = ['title', 'severity', 'area', 'occurredAt', 'capaRequired'] as const;
    const fields = (record: Record<string, unknown>) =>
      Object.fromEntries(picked.map((field) => [field, record[field]]));
    for (const job of [csvJob.json, xlsxJob.json]) {
      const copies = await Promise.all(
        job.created.map((created: { id: string }) => kit.as('greta')(`/deviations/${created.id}`)),
      );
      expect(copies.map((copy) => fields(copy.json))).toEqual(originals.map(fields));
    }
  });

  it('reads a hand-made workbook: typed cells, problems by row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('OOS');
    sheet.addRow(['title', 'occurredAt', 'capaRequired', 'severity']);
    sheet.addRow(['OOS assay batch 7', new Date('2026-05-04T08:30:00.000Z'), true, 'major']);
    sheet.addRow(['OOS pH batch 9', 'not a date', false, 'minor']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const dry = await upload('quinn', bytes, true, XLSX);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json).toMatchObject({
      rows: 2,
      valid: 1,
      problems: [{ row: 3, column: 'occurredAt', code: 'invalid_date' }],
    });
  });
});

describe('who may import, and what others see', () => {
  it('keeps organizations apart: the same file is a job per organization, and a job is not seen across them', async () => {
    const file = goodCsv(2, 'Tenant');
    const a = await upload('quinn', file, false);
    const b = await upload('greta', file, false);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.json.id).not.toBe(a.json.id);
    await runQueuedJob(a.json.id);
    expect(await kit.qms.runImportJob(b.json.id)).toBe(true);
    const bCount = await deviationCount('org-b');
    expect((await kit.as('greta')(`/imports/${a.json.id}`)).status).toBe(404);
    expect((await kit.as('quinn')(`/imports/${b.json.id}`)).status).toBe(404);
    const created = (await kit.as('quinn')(`/imports/${a.json.id}`)).json.created[0].id;
    expect((await kit.as('greta')(`/deviations/${created}`)).status).toBe(404);
    expect(bCount).toBeGreaterThanOrEqual(2);
  });

  it('answers 403 without the import permission or without create on the type', async () => {
    const before = await kit.counts();
    for (const user of ['olivia', 'victor', 'adam'] as const) {
      const response = await upload(user, goodCsv(1, 'Forbidden'), false);
      expect(response.status, user).toBe(403);
      expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    }
    expect(await kit.counts()).toEqual(before);
    // Another person's job is theirs alone; an administrator of the organization sees it.
    const started = await upload('quinn', goodCsv(1, 'Private'), false);
    expect(started.status).toBe(202);
    expect((await kit.as('rita')(`/imports/${started.json.id}`)).status).toBe(404);
    expect((await kit.as('adam')(`/imports/${started.json.id}`)).status).toBe(200);
  });

  it('answers 415 for another content type, 413 for a file over the limit, 422 for an empty or unreadable file, 400 for a bad query, 404 for no such job: never 500', async () => {
    const before = await kit.counts();
    expect((await upload('quinn', goodCsv(1, 'Json'), true, 'application/json')).status).toBe(415);
    expect((await upload('quinn', '', false)).status).toBe(422);
    // Over the 10 MB limit: refused before it is read.
    expect((await upload('quinn', new Uint8Array(10 * 1024 * 1024 + 1).fill(65), true)).status).toBe(413);
    expect((await upload('quinn', 'title\n', false)).status).toBe(422);
    expect((await upload('quinn', '"unterminated,quote\nx', true)).status).toBe(422);
    expect((await upload('quinn', new Uint8Array([1, 2, 3, 4]), true, XLSX)).status).toBe(422);
    expect(
      (
        await kit.as('quinn')('/deviations/import?dryRun=maybe', {
          method: 'POST',
          body: 'title\nA',
          headers: { 'content-type': CSV },
        })
      ).status,
    ).toBe(400);
    expect((await kit.as('quinn')('/imports/not-a-uuid')).status).toBe(404);
    expect(await kit.counts()).toEqual(before);
  });
});
