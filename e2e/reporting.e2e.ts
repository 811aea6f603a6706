// Reporting end to end, on the seeded data: a QA approver builds a report of deviations by
// severity (computed by the server: its total is the list's length), saves it shared with a role,
// finds it again after a reload, exports the matching records to Excel (re-read here with exceljs,
// one row per record), and downloads a deviation's dossier PDF, whose text carries the record's
// number, its audit trail and the signatures' manifestations.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { api } from './support/api';
import {
  chromiumForFile,
  DEMO_PASSWORD,
  openDemoPage,
  SCREENSHOT_DIR,
  screenshot,
  signIn,
} from './support/browser';
import { downloadFrom, fromServerKit, pdfPages } from './support/downloads';
import { recordArticle } from './support/recordPage';

const browser = chromiumForFile();

/** The parts of exceljs the test uses: the library the server kit writes workbooks with. */
interface ExcelJs {
  Workbook: new () => {
    xlsx: { load(data: Uint8Array): Promise<unknown> };
    worksheets: { rowCount: number; getRow(n: number): { values: unknown[] }; views: { state?: string }[] }[];
  };
}
const excel = fromServerKit('exceljs') as ExcelJs;

/** Every deviation of the organization, counted through the list API, page by page. */
async function deviationCount(token: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: { items: unknown[]; nextCursor: string | null } = await api(
      `/deviations?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

test('a report is built, saved, found again and exported; a record downloads as a dossier PDF', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'reporting');
  const { accessToken } = await api('/auth/login', {
    body: { email: 'qa@acme.example', password: DEMO_PASSWORD },
  });
  const deviations = await deviationCount(accessToken);
  expect(deviations).toBeGreaterThan(0);

  await signIn(page, 'qa@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();

  // Deviations by severity, as counted by the server.
  const definition = page.getByRole('form', { name: 'Report' });
  await definition.getByLabel('Record type').selectOption({ label: 'Deviations' });
  await definition.getByLabel('Group by').selectOption({ label: 'Severity' });
  await definition.getByLabel('Metric').selectOption({ label: 'Number of records' });
  const result = page.getByRole('region', { name: 'Result' });
  await expect
    .poll(async () => (await result.textContent()) ?? '', { timeout: 15_000 })
    .toContain(`Total: ${deviations} records`);
  const severityRows = result.getByRole('table').last().getByRole('row');
  expect(await severityRows.count()).toBeGreaterThan(2);
  await screenshot(page, 'reporting-by-severity');

  // Saved, shared with QA reviewers, and there after a reload.
  const save = page.getByRole('form', { name: 'Save report' });
  await save.getByLabel('Name').fill('Deviations by severity (e2e)');
  await save.getByRole('checkbox', { name: 'QA reviewer' }).check();
  await save.getByRole('button', { name: 'Save report' }).click();
  await page.getByText('“Deviations by severity (e2e)” is saved.').waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Open report Deviations by severity (e2e)' }).click();
  await expect.poll(() => definition.getByLabel('Group by').inputValue()).toBe('severity');

  // The matching records as a workbook: a frozen header, one row per deviation.
  const workbookFile = await downloadFrom(page, page.getByRole('button', { name: 'Export Excel' }).first());
  expect(workbookFile.fileName).toMatch(/\.xlsx$/);
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(workbookFile.bytes);
  const sheet = workbook.worksheets[0]!;
  // Headed by the field names, as the CSV and the API name them.
  expect(sheet.getRow(1).values).toContain('number');
  expect(sheet.views[0]?.state).toBe('frozen');
  expect(sheet.rowCount).toBe(deviations + 1);

  // A closed deviation's dossier: number, trail and signatures in the PDF's text.
  const closed: { items: { id: string; number: string }[] } = await api('/deviations?state=closed&limit=1', {
    token: accessToken,
  });
  const deviation = closed.items[0]!;
  await page.goto(`/deviations/${deviation.id}`);
  await recordArticle(page).waitFor();
  const dossier = await downloadFrom(page, page.getByRole('button', { name: 'Download PDF' }));
  expect(dossier.fileName).toMatch(/\.pdf$/);
  // Kept beside the screenshots, for a person to look at.
  await writeFile(join(SCREENSHOT_DIR, 'reporting-dossier.pdf'), dossier.bytes);
  const pages = await pdfPages(dossier.bytes);
  const text = pages.join('\n');
  expect(pages[0]).toContain(deviation.number);
  expect(pages[0]).toMatch(new RegExp(`Page 1 of ${pages.length}`));
  expect(text).toMatch(/Audit trail/);
  expect(text).toMatch(/Electronic signatures/i);
  expect(text).toMatch(/approv/i);
  await screenshot(page, 'reporting-record-pdf');

  // The audit trail printed from its page: whole, and saying so on its last page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await page.getByText(/entries, oldest first/).waitFor();
  const trail = await pdfPages(
    (await downloadFrom(page, page.getByRole('button', { name: 'Export PDF' }))).bytes,
  );
  expect(trail[0]).toContain('Audit trail');
  expect(trail.at(-1)).toMatch(/End of export: \d+ entries on \d+ pages/);

  expect(errors).toEqual([]);
  await context.close();
});
