import { type ImportCell, type ImportFormat, importContentTypes } from '@masetra/core';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { problems } from '../http/problems';

/** One row of a file as a spreadsheet numbers it (the header is row 1), with its cells. */
export interface ImportRow {
  row: number;
  cells: ImportCell[];
}

/** The import format a content type names, or a 415 naming the two it takes. */
export function importFormatOf(contentType: string | null): ImportFormat {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = (Object.keys(importContentTypes) as ImportFormat[]).find(
    (candidate) => importContentTypes[candidate] === mediaType,
  );
  if (!format) throw problems.unsupportedMediaType(Object.values(importContentTypes).join(' or '));
  return format;
}

const unreadable = (format: ImportFormat, why: string) =>
  problems.validation(`The file cannot be read as ${format.toUpperCase()}: ${why}`, [
    { pointer: '', detail: why },
  ]);

function isEmpty(cells: readonly ImportCell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function readCsv(bytes: Uint8Array): ImportRow[] {
  let records: string[][];
  try {
    records = parse(Buffer.from(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (error instanceof CsvError) throw unreadable('csv', error.message);
    throw error;
  }
  return records.map((cells, index) => ({ row: index + 1, cells }));
}

/** A workbook cell as plain data: rich text as its text, a formula as its result, an error as empty. */
function cellOf(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (
    value instanceof Date ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
  }
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable('xlsx', error instanceof Error ? error.message : 'not a workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // exceljs counts cells from 1; index 0 of `values` is empty.
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    rows.push({ row: rowNumber, cells: Array.from(values, (value) => cellOf(value)) });
  });
  return rows;
}

/**
 * A CSV or XLSX file as its header and record rows (the first sheet of a workbook). Rows with no
 * value are skipped but keep their numbers, so a problem names the row a spreadsheet shows. A
 * file that is not what it says is a 422, not a 500.
 */
export async function readImportFile(
  format: ImportFormat,
  bytes: Uint8Array,
): Promise<{ header: ImportCell[]; rows: ImportRow[] }> {
  const all = (format === 'csv' ? readCsv(bytes) : await readXlsx(bytes)).filter(
    (row) => !isEmpty(row.cells),
  );
  const [header, ...rows] = all;
  if (!header)
    throw problems.validation(
      'The file is empty.',
      [{ pointer: '', detail: 'No header row.' }],
      'import_empty',
    );
  return { header: header.cells, rows };
}
