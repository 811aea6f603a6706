// The training matrix as a reader of the screen finds a cell: the person's row, the document's column.
import type { Page } from 'playwright-core';

/** The text of the matrix cell of a person (row, by name) and a document (column, by number or title). */
export async function matrixCell(page: Page, person: string, document: RegExp): Promise<string> {
  const table = page
    .getByRole('region', { name: 'People and current effective documents' })
    .getByRole('table');
  await table.waitFor();
  return table.evaluate(
    (element, [name, source]) => {
      const pattern = new RegExp(source as string);
      const headers = [...element.querySelectorAll('thead th')];
      const column = headers.findIndex((header) => pattern.test(header.textContent ?? ''));
      const row = [...element.querySelectorAll('tbody tr')].find(
        (candidate) => candidate.querySelector('th')?.textContent === name,
      );
      return column > 0 && row ? (row.children[column]?.textContent ?? '') : '';
    },
    [person, document.source],
  );
}
