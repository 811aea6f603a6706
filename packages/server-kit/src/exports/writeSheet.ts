import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  cellText,
  type ExportCell,
  type ExportPage,
  type ExportSheet,
  type ExportSheetColumn,
} from './exportSheet';
import { spreadsheetSafeCsv } from './spreadsheetSafeCsv';

export type SheetFormat = 'csv' | 'xlsx';

/** A sheet's pages, the first already read (so a failing query was a problem response, not a cut file). */
export interface OpenedSheet {
  sheet: ExportSheet;
  first: ExportPage;
  rest: AsyncIterator<ExportPage>;
}

/** Reads a sheet's first page: the query runs, and fails, before any answer or file exists. */
export async function openSheet(sheet: ExportSheet): Promise<OpenedSheet> {
  const rest = sheet.pages();
  const first = await rest.next();
  return { sheet, first: first.done ? { rows: [], items: 0 } : first.value, rest };
}

async function* pagesOf(opened: OpenedSheet): AsyncGenerator<ExportPage> {
  yield opened.first;
  for (let page = await opened.rest.next(); !page.done; page = await opened.rest.next()) yield page.value;
}

/** The output was closed before the export ended: a download the client gave up on. */
export class ExportOutputClosedError extends Error {
  override readonly name = 'ExportOutputClosedError';
}

/**
 * Waits until the output has taken what it holds, so a slow reader slows the export instead of
 * filling memory; stops the export when the output was closed (the client went away).
 */
async function drained(output: Writable): Promise<void> {
  if (output.writableNeedDrain && !output.destroyed)
    await Promise.race([once(output, 'drain'), once(output, 'close')]);
  if (output.destroyed) throw new ExportOutputClosedError('The export’s output was closed before it ended');
}

const excelDateFormat = 'yyyy-mm-dd hh:mm:ss';

/** A readable width per column, from its header and the first page's values. */
function columnWidth(column: ExportSheetColumn, index: number, sample: readonly ExportCell[][]): number {
  if (column.kind === 'date') return Math.max(20, column.header.length + 2);
  if (column.kind === 'boolean') return Math.max(8, column.header.length + 2);
  const longest = sample.reduce((widest, row) => Math.max(widest, cellText(row[index] ?? null).length), 0);
  return Math.min(60, Math.max(10, column.header.length + 2, longest + 2));
}

async function writeCsv(opened: OpenedSheet, output: Writable, onPage: (items: number) => Promise<void>) {
  const header = opened.sheet.columns.map((column) => column.header);
  let first = true;
  for await (const page of pagesOf(opened)) {
    const text = spreadsheetSafeCsv(
      page.rows.map((row) => row.map(cellText)),
      first ? header : undefined,
    );
    first = false;
    if (text) output.write(text);
    await onPage(page.items);
    await drained(output);
  }
}

/**
 * A workbook through exceljs's streaming writer: typed cells (numbers, real dates, booleans), a
 * bold, frozen header row with an autofilter, and each row committed as it is added, so the
 * writer holds no more than the page in hand.
 */
async function writeXlsx(opened: OpenedSheet, output: Writable, onPage: (items: number) => Promise<void>) {
  const { columns, name } = opened.sheet;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = columns.map((column, index) => ({
    header: column.header,
    key: column.header,
    width: columnWidth(column, index, opened.first.rows),
    ...(column.kind === 'date' ? { style: { numFmt: excelDateFormat } } : {}),
  }));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for await (const page of pagesOf(opened)) {
    for (const row of page.rows) worksheet.addRow(row).commit();
    await onPage(page.items);
    await drained(output);
  }
  worksheet.commit();
  await workbook.commit();
}

/**
 * Writes an opened sheet to `output` as CSV or XLSX, a page at a time, calling `onPage` after each
 * with the items it held (a job's progress), and ends `output` when done.
 */
export async function writeSheet(
  format: SheetFormat,
  opened: OpenedSheet,
  output: Writable,
  onPage: (items: number) => Promise<void> = async () => {},
): Promise<void> {
  if (format === 'csv') {
    await writeCsv(opened, output, onPage);
    output.end();
  } else {
    // The workbook writer ends the stream it was given.
    await writeXlsx(opened, output, onPage);
  }
  if (!output.writableFinished) await once(output, 'finish');
}

/** The media type of each format's file. */
export const sheetContentTypes: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
