/**
 * Issue 14, exports of record lists and of the audit trail over HTTP on both drivers: the CSV
 * and the workbook hold exactly the list's rows for the same query (filters, sort, `q`), over
 * several pages; the workbook's cells are typed (numbers, real dates, booleans) under a bold,
 * frozen, filterable header; columns are checked against the record type; every export writes
 * one audit entry; and another organization's records never appear.
 */
import { PROBLEM_CONTENT_TYPE } from '@masetra/core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from '../http/testing/startTestKit';
import { download, readWorkbook, storeDeviations, wholeList } from './testing/exportSteps';

let kit: TestKit;
/** More than two pages of the export's reading (200 a page). */
const ORG_A_COUNT = 430;
beforeAll(async () => {
  kit = await startTestKit();
  await storeDeviations(kit, 'org-a', ORG_A_COUNT, 'DEV-A');
  await storeDeviations(kit, 'org-b', 20, 'DEV-B');
  await createRecord(kit, 'olivia', 'deviations', describedDeviation({ title: 'Gasket leak on filler 2' }));
}, kitStartTimeout);
afterAll(() => kit.close());

type Row = Record<string, string>;
const csvRows = (text: string): Row[] => parse(text, { columns: true, skip_empty_lines: true });
/** A value as the CSV writes it: formulas neutralised with a leading quote. */
const asCsv = (value: unknown) => {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

describe('GET /{collection}/export.csv', () => {
  it('holds the list’s rows for the same filters and sort, in its order, with the default columns', async () => {
    const query = 'severity=major,critical&area=Packaging,QC%20Lab&sort=number';
    const response = await kit.as('olivia')(`/deviations/export.csv?${query}`);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="deviations-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = csvRows(response.text);
    const list = await wholeList(kit, 'olivia', '/deviations', query);
    expect(list.length).toBeGreaterThan(200);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'number',
      'title',
      'state',
      'ownerId',
      'createdAt',
      'severity',
      'area',
    ]);
    expect(rows).toEqual(
      list.map((record) => ({
        number: record.number,
        title: asCsv(record.title),
        state: record.state,
        ownerId: record.ownerId,
        createdAt: record.createdAt,
        severity: record.severity,
        area: record.area,
      })),
    );
    // Values a spreadsheet would run as formulas are neutralised, as in the audit trail's CSV.
    expect(rows.some((row) => row.title?.startsWith("'=cmd"))).toBe(true);
    expect(rows.every((row) => !/^[=+\-@]/.test(row.title ?? ''))).toBe(true);
  });

  it('takes the list’s creation time range and state filter, and selects what the list does', async () => {
    const query =
      'createdFrom=2026-01-01T01:00:00.000Z&createdTo=2026-01-01T05:00:00.000Z&state=draft&sort=-createdAt';
    const rows = csvRows(
      (await kit.as('olivia')(`/deviations/export.csv?${query}&columns=number,createdAt`)).text,
    );
    const list = await wholeList(kit, 'olivia', '/deviations', query);
    expect(list).toHaveLength(240);
    expect(rows).toEqual(list.map((record) => ({ number: record.number, createdAt: record.createdAt })));
  });

  it('takes `q` and the chosen columns in their order', async () => {
    const response = await kit.as('olivia')('/deviations/export.csv?q=gasket&columns=title,number');
    expect(response.status, response.text).toBe(200);
    const rows = csvRows(response.text);
    expect(rows).toEqual([{ title: 'Gasket leak on filler 2', number: expect.stringMatching(/^DEV-/) }]);
  });

  it('is matched before /deviations/{id}, whose id is a UUID: anything else there is a 404', async () => {
    expect((await kit.as('olivia')('/deviations/export.csv?limit=1')).status).toBe(400);
    expect((await kit.as('olivia')('/deviations/export.txt')).status).toBe(404);
    expect((await kit.as('olivia')('/deviations/export')).status).toBe(404);
  });

  it('shows another organization none of the rows', async () => {
    const rows = csvRows((await kit.as('greta')('/deviations/export.csv?columns=number')).text);
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row.number?.startsWith('DEV-B-'))).toBe(true);
  });
});

describe('columns', () => {
  it('answers 422 naming each field the record type does not have, and writes nothing', async () => {
    const before = await kit.counts();
    const response = await kit.as('olivia')(
      '/deviations/export.xlsx?columns=number,colour,title,passwordHash',
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json.code).toBe('unknown_column');
    expect(response.json.errors.map((error: { detail: string }) => error.detail)).toEqual([
      'deviation has no field colour.',
      'deviation has no field passwordHash.',
    ]);
    expect(response.json.errors[0].pointer).toBe('/columns');
    expect(await kit.counts()).toEqual(before);
  });

  it('answers 400 for text that names no fields, and for paging parameters an export does not take', async () => {
    for (const query of ['columns=number;drop', 'columns=', 'cursor=abc', 'sort=colour']) {
      const response = await kit.as('olivia')(`/deviations/export.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    }
  });
});

describe('GET /{collection}/export.xlsx', () => {
  it('holds one row per record of the list, with typed cells under a bold, frozen, filterable header', async () => {
    const query = 'severity=critical&sort=-occurredAt';
    const columns = 'number,title,occurredAt,capaRequired,version,createdAt';
    const response = await download(kit, 'quinn', `/deviations/export.xlsx?${query}&columns=${columns}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const { sheet, header, rows } = await readWorkbook(response.bytes);
    expect(header).toEqual(columns.split(','));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:F1');
    for (const column of sheet.columns) expect(column.width).toBeGreaterThanOrEqual(8);

    const list = await wholeList(kit, 'quinn', '/deviations', query);
    expect(list.length).toBeGreaterThan(100);
    expect(rows).toHaveLength(list.length);
    rows.forEach((row, index) => {
      const record = list[index] as Record<string, unknown>;
      expect(row[0]).toBe(record.number);
      // Text as it is: a workbook cell is never run as a formula, so nothing is prefixed.
      expect(row[1]).toBe(record.title);
      expect(row[2]).toBeInstanceOf(Date);
      expect((row[2] as Date).toISOString()).toBe(record.occurredAt);
      expect(row[3]).toBe(record.capaRequired);
      expect(typeof row[3]).toBe('boolean');
      expect(row[4]).toBe(record.version);
      expect(typeof row[4]).toBe('number');
      expect((row[5] as Date).toISOString()).toBe(record.createdAt);
    });
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });
});

describe('the audit trail of exports', () => {
  it('gets one entry per export: who, what, in which format, with which filters', async () => {
    await kit.as('rita')('/deviations/export.xlsx?severity=minor&columns=number,title');
    const trail = await kit.as('quinn')('/audit-trail?recordType=export&actorId=rita');
    expect(trail.status).toBe(200);
    expect(trail.json.items).toHaveLength(1);
    const [entry] = trail.json.items;
    expect(entry).toMatchObject({ action: 'export', actorId: 'rita', actorName: 'Rita Reviewer' });
    expect(entry.changes).toEqual([
      { field: 'what', new: 'deviations' },
      { field: 'format', new: 'xlsx' },
      { field: 'filters', new: { severity: 'minor', columns: ['number', 'title'] } },
    ]);
    // An export changes no record: the chain still verifies with it.
    expect((await kit.as('quinn')('/audit-trail/verify')).json.ok).toBe(true);
  });
});

describe('GET /audit-trail/export.xlsx', () => {
  it('holds the same rows as the CSV for the same filters, with the sequence a number and the time a date', async () => {
    const filters = 'recordType=deviation&action=create';
    const csv = csvRows((await kit.as('quinn')(`/audit-trail/export.csv?${filters}`)).text);
    const response = await download(kit, 'quinn', `/audit-trail/export.xlsx?${filters}`);
    expect(response.status).toBe(200);
    const { sheet, header, rows } = await readWorkbook(response.bytes);
    expect(header).toEqual(Object.keys(csv[0] ?? {}));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows).toHaveLength(csv.length);
    expect(rows.length).toBeGreaterThan(0);
    const at = header.indexOf('at');
    const seq = header.indexOf('seq');
    const action = header.indexOf('action');
    rows.forEach((row, index) => {
      expect(row[seq]).toBe(Number(csv[index]?.seq));
      expect(row[at]).toBeInstanceOf(Date);
      expect((row[at] as Date).toISOString()).toBe(csv[index]?.at);
      expect(row[action]).toBe('create');
    });
  });

  it('is refused to those whose roles do not allow exporting the trail', async () => {
    const response = await kit.as('olivia')('/audit-trail/export.xlsx');
    expect(response.status).toBe(403);
  });
});
