// A deviation's chain in the demo, on the seeded data: the HVAC deviation is addressed by a CAPA
// that changed the environmental monitoring SOP, and concerns a batch. Its record page shows the
// chain in Traceability, each record with its state, and opens a record of the chain; the CAPA's
// task owner finds their tasks on "My tasks".
import { expect, test } from 'vitest';
import { chromiumForFile, openDemoPage, screenshot, signIn, signOut } from './support/browser';
import { recordArticle } from './support/recordPage';

const browser = chromiumForFile();

test("a deviation's traceability chain: CAPA, changed document and batch, each with its state", async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'traceability');
  await signIn(page, 'qa@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deviations' }).click();
  await page.getByRole('row').nth(1).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('HVAC differential pressure');
  const row = page.getByRole('row', { name: /HVAC differential pressure alarm/ });
  await row.waitFor();
  await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
  await row.click();
  await page.waitForURL(/\/deviations\/[0-9a-f-]{36}$/);
  await recordArticle(page).waitFor();

  // Traceability is one of the record's parts, in the page's navigation too.
  const nav = page.getByRole('navigation', { name: 'Parts of this record' });
  await nav.getByRole('link', { name: 'Traceability' }).click();
  const trace = page.getByRole('region', { name: 'Traceability' });
  const capa = trace
    .getByRole('listitem')
    .filter({ hasText: /^Addressed by/ })
    .first();
  await capa.waitFor();
  expect(await capa.textContent()).toMatch(/^Addressed by\s*CAPA\s*CAPA-\d{4}-\d{4} Check damper positions/);
  expect(await capa.textContent()).toContain('Closed');
  // The document the CAPA changed hangs under the CAPA.
  const document = capa.getByRole('listitem').filter({ hasText: /^Changes/ });
  await document.waitFor();
  expect(await document.textContent()).toMatch(/Document\s*[A-Z]+-\d{4}/);
  // The batch the deviation concerns.
  const batch = trace.getByRole('listitem').filter({ hasText: /^Concerns/ });
  expect(await batch.textContent()).toContain('24-125');
  await trace.scrollIntoViewIfNeeded();
  await screenshot(page, 'traceability-deviation');

  // A record of the chain opens its own page, whose chain leads back to the deviation.
  const documentNumber = /([A-Z]+-\d{4}(?:-\d{4})?)/.exec((await document.textContent()) ?? '')?.[1];
  await document.getByRole('button').first().click();
  await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  const documentTrace = page.getByRole('region', { name: 'Traceability' });
  await documentTrace.getByText(/^Changed by/).waitFor();
  await documentTrace.getByRole('button', { name: /HVAC differential pressure alarm/ }).waitFor();
  expect(await page.getByRole('heading', { level: 2 }).textContent()).toContain(documentNumber ?? 'DOC');
  await signOut(page);

  // A task owner's open CAPA tasks, across CAPAs.
  await signIn(page, 'investigator@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tasks' }).click();
  await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
  const tasks = page.getByRole('main').getByRole('listitem');
  await tasks.first().waitFor();
  expect(await tasks.count()).toBeGreaterThan(1);
  expect(await page.getByRole('main').textContent()).toContain('Train shift A');
  await screenshot(page, 'my-tasks');
  expect(errors).toEqual([]);
  await context.close();
});
