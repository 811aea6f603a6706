import { stringify } from 'csv-stringify/sync';

/**
 * CSV text for rows of cells, with the header row first when given. Cells a spreadsheet would run
 * as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with `'`
 * (CSV injection): every CSV the kit writes, the audit trail's and the record lists', goes through here.
 */
export function spreadsheetSafeCsv(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  return stringify(rows as string[][], {
    header: header !== undefined,
    ...(header ? { columns: [...header] } : {}),
    escape_formulas: true,
  });
}
