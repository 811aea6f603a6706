import type { ExportColumnKind } from '@masetra/core';

/** A cell as a spreadsheet holds it: text, a number, a real date, a boolean, or empty. */
export type ExportCell = string | number | boolean | Date | null;

export interface ExportSheetColumn {
  header: string;
  kind: ExportColumnKind;
}

/**
 * A table an export writes, whatever the format: its columns, and its rows a page at a time in
 * list order, so a writer holds one page however long the table.
 */
export interface ExportSheet {
  /** The sheet's name, and the start of the file's. */
  name: string;
  columns: ExportSheetColumn[];
  /** Pages in order; each row holds one cell per column. */
  pages(): AsyncGenerator<ExportPage>;
  /** How many items (records, trail entries) the export will hold: a job's `rowsTotal`. */
  countItems(): Promise<number>;
}

/** One page of a sheet: its rows, and how many items they came from (a trail entry is a row per changed field). */
export interface ExportPage {
  rows: ExportCell[][];
  items: number;
}

/** The text a CSV holds for a cell: ISO 8601 for dates, as the API speaks them. */
export function cellText(cell: ExportCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/**
 * The pages of a keyset-paged list, each read while the one before is being written: the
 * database works on page n + 1 while the writer formats page n, so an export costs about the
 * writing alone. Holds at most two pages.
 */
export async function* readAhead<TPage extends { nextCursor: string | null }>(
  read: (cursor: string | null) => Promise<TPage>,
): AsyncGenerator<TPage> {
  let next: Promise<TPage> | null = read(null);
  while (next) {
    const page: TPage = await next;
    next = page.nextCursor ? read(page.nextCursor) : null;
    // A writer that stops early leaves the read in flight; its failure then has no one to tell.
    next?.catch(() => {});
    yield page;
  }
}
