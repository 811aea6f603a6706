// A controlled document from draft through review and approval (each signed) to effective.
import { expect, test } from 'vitest';
import { chromiumForFile, DEMO_PASSWORD, openDemoPage, screenshot, signIn, signOut } from './support/browser';
import { recordArticle, sign, startSignedStep, takeStep, waitForState } from './support/recordPage';

const browser = chromiumForFile();

test('a document goes from draft through review and approval to effective', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'document');
  const today = new Date().toISOString().slice(0, 10);

  // The document controller drafts the SOP and submits it for review.
  await signIn(page, 'doccontrol@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('link', { name: 'New document' }).click();
  const form = page.getByRole('form', { name: 'Document' });
  await form.getByLabel('Title').fill('SOP-QC-031 Handling of out-of-specification results (browser test)');
  await form.getByLabel('Document kind').selectOption('sop');
  await form.getByLabel('Summary').fill('How an OOS result is reported, investigated and closed.');
  await form.getByLabel('Content').fill('1 Purpose\nThis SOP describes the investigation of OOS results.');
  await form.getByLabel('Effective date').fill(today);
  await form.getByLabel('Review interval (months)').fill('24');
  await form.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  const documentPath = new URL(page.url()).pathname;
  await waitForState(page, 'Draft');
  await takeStep(page, 'Submit for review', 'In review');
  await signOut(page);

  // A reviewer reviews (signed: review); someone else, QA, approves (signed: approval).
  await signIn(page, 'reviewer@acme.example');
  await page.goto(documentPath);
  await recordArticle(page).waitFor();
  let dialog = await startSignedStep(page, 'Complete review');
  await dialog.getByText('Review', { exact: true }).waitFor();
  await sign(dialog, { email: 'reviewer@acme.example', password: DEMO_PASSWORD });
  await waitForState(page, 'In approval');
  await signOut(page);
  await signIn(page, 'qa@acme.example');
  await page.goto(documentPath);
  await recordArticle(page).waitFor();
  dialog = await startSignedStep(page, 'Approve');
  await sign(dialog, { email: 'qa@acme.example', password: DEMO_PASSWORD });
  // Approved, and at once picked up by the sweep: the announcement stays while the badge moves on.
  await page
    .getByRole('status')
    .filter({ hasText: /is now Approved\./ })
    .waitFor();
  const versions = recordArticle(page).getByRole('region', { name: 'Version and approvals' });
  await versions.getByText('1.0', { exact: true }).first().waitFor();

  // Its effective date has come: the server's scheduled sweep makes it effective, as it would overnight.
  await expect
    .poll(
      async () => {
        await page.reload();
        await recordArticle(page).locator('header').waitFor();
        return recordArticle(page).locator('header').getByText('Effective', { exact: true }).count();
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toBe(1);
  const signatures = page.getByRole('region', { name: 'Electronic signatures' });
  await signatures.getByText(/Reviewed by Rosa Berger/).waitFor();
  await signatures.getByText(/Approved by Quinn Adler/).waitFor();
  await screenshot(page, 'document-effective');
  expect(errors).toEqual([]);
  await context.close();
});
