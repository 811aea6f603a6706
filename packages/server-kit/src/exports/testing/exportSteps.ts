/** Steps the export tests share: many records at once, whole lists, workbooks read back. */
import { deviation } from '@masetra/core';
import ExcelJS from 'exceljs';
import type { TestKit, TestUser } from '../../http/testing/startTestKit';
import { insertRecord } from '../../storage/records';
import { sampleRecord } from '../../testing/sampleRecord';

const severities = ['minor', 'major', 'critical'] as const;
const areas = ['Warehouse', 'Packaging', 'QC Lab'] as const;

/**
 * Stores `count` deviations of an organization straight through storage (the API would take
 * minutes), with severities, areas, dates and a boolean spread over them, so that filters pick
 * some and lists span several pages.
 */
export async function storeDeviations(kit: TestKit, orgId: string, count: number, prefix: string) {
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  await kit.storage.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 1) {
      const record = sampleRecord(
        deviation,
        {
          orgId,
          number: `${prefix}-${String(i).padStart(5, '0')}`,
          at: new Date(start + i * 60_000),
          ownerId: i % 2 === 0 ? 'olivia' : 'ian',
        },
        {
          title: i % 7 === 0 ? `=cmd|' /C calc'!A0 ${i}` : `Deviation ${i}`,
          severity: severities[i % 3],
          area: areas[i % 3],
          occurredAt: new Date(start + i * 3_600_000).toISOString(),
          capaRequired: i % 2 === 0,
        },
      );
      await insertRecord(trx, deviation, record);
    }
  });
}

/** Every item of a list, page after page, as `user` sees it with `query`. */
export async function wholeList(kit: TestKit, user: TestUser, path: string, query: string) {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const page = await kit.as(user)(
      `${path}?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (page.status !== 200) throw new Error(`list ${path}: ${page.status} ${page.text}`);
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  return items;
}

/** A download as bytes, with its status and headers. */
export async function download(kit: TestKit, user: TestUser, path: string) {
  const response = await kit.fetch(path, { headers: { authorization: `Test ${user}` } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The first sheet of a workbook, read back by exceljs as a spreadsheet program would. */
export async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return { sheet, header, rows };
}
