// What both host examples must let their users do, in the words the pages show: sign in to the
// LIMS, raise a deviation from an out-of-spec sample, move it to approval, approve it with an
// electronic signature re-checked against the LIMS's own password, and read the audit trail.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium, screenshot } from '../../e2e/support/browser';
import {
  auditTrailEntries,
  recordArticle,
  sign,
  startSignedStep,
  takeStep,
  waitForState,
} from '../../e2e/support/recordPage';

export { launchChromium };

/** Every example user's password (the examples' READMEs). */
export const HOST_PASSWORD = 'Lab-host-1';
export const ANALYST = 'ana@northwind.example';
export const QA = 'quinn@northwind.example';

/**
 * A fresh profile on the host, with every uncaught error and every console error or warning
 * collected (a hydration mismatch is one), except the browser's own note of a refused request.
 */
export async function openHostPage(browser: Browser, origin: string) {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (message.text().startsWith('Failed to load resource')) return;
    problems.push(`console ${message.type()}: ${message.text()}`);
  });
  return { context, page, problems };
}

export async function signInToHost(page: Page, email: string, password = HOST_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in to Northwind LIMS' }).waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function signOutOfHost(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Northwind LIMS' }).waitFor();
}

/** The whole walk, as the analyst and then QA. */
export async function raiseAndApproveDeviation(page: Page, name: string): Promise<void> {
  // Unique per run: on PostgreSQL the host's database outlives the test.
  const title = `Assay of sample S-2026-0417 out of specification (${name} ${Date.now().toString(36)})`;

  // The analyst opens the out-of-spec sample and raises a deviation from it.
  await signInToHost(page, ANALYST);
  await page.getByRole('link', { name: 'S-2026-0417' }).click();
  await page.getByRole('heading', { name: 'Sample S-2026-0417' }).waitFor();
  await page.getByRole('button', { name: 'Raise a deviation' }).click();
  const form = page.getByRole('form', { name: 'Deviation' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Description').fill('Assay 91.2 % against a specification of 95.0–105.0 %.');
  await form.getByLabel('Occurred at').fill('2026-03-02T10:15');
  await form.getByLabel('Area').fill('QC laboratory');
  await form.getByLabel('Severity').selectOption({ label: 'Major' });
  await form.getByLabel('Immediate actions').fill('Batch 24-202 quarantined; retest ordered.');
  // Masetra's form wears the LIMS's brand: its green and its narrow font, set by `--masetra-*`
  // variables in the host's unlayered CSS, over Masetra's own (layered) defaults.
  const create = form.getByRole('button', { name: 'Create' });
  expect(await create.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(11, 93, 82)');
  expect(await create.evaluate((button) => getComputedStyle(button).fontFamily)).toContain(
    'Liberation Sans Narrow',
  );
  await screenshot(page, `${name}-sample`);
  await create.click();
  await page.waitForURL(/\/quality\/deviations\/[0-9a-f-]{36}$/);
  const deviationPath = new URL(page.url()).pathname;
  await waitForState(page, 'Draft');
  // The deviation page links back to the sample it was raised from.
  await page
    .getByRole('region', { name: 'In the LIMS' })
    .getByRole('link', { name: 'Sample S-2026-0417' })
    .waitFor();
  await takeStep(page, 'Submit', 'In assessment');
  await takeStep(page, 'Submit assessment', 'In approval');
  await signOutOfHost(page);

  // QA finds it in the Quality section and approves it, signing with the LIMS's password.
  await signInToHost(page, QA);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quality' }).click();
  const row = page.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '\\$&')) });
  await row.waitFor();
  await screenshot(page, `${name}-quality`);
  await row.click();
  await page.waitForURL((url) => url.pathname === deviationPath);
  await recordArticle(page).waitFor();
  const dialog = await startSignedStep(page, 'Approve');
  await sign(dialog, { email: QA, password: 'not-the-lims-password' });
  await dialog
    .getByRole('alert')
    .getByText('The user name or password is not correct. Nothing was signed.')
    .waitFor();
  await sign(dialog, { email: QA, password: HOST_PASSWORD });
  await waitForState(page, 'In investigation');
  await page
    .getByRole('region', { name: 'Electronic signatures' })
    .getByText(/Approved by Quinn Okafor/)
    .first()
    .waitFor();

  // The audit trail shows every step, the refused signature and the signature.
  await page.reload();
  await recordArticle(page).waitFor();
  const entries = await auditTrailEntries(page);
  expect(entries[0]).toContain('Created');
  for (const step of [
    'Draft → In assessment',
    'In assessment → In approval',
    'In approval → In investigation',
  ]) {
    expect(
      entries.some((entry) => entry.includes(step)),
      step,
    ).toBe(true);
  }
  expect(entries.filter((entry) => /·\s*Signed\b/.test(entry))).toHaveLength(1);
  expect(entries.filter((entry) => entry.includes('Signing failed'))).toHaveLength(1);
  await screenshot(page, `${name}-deviation`);

  // And back to the sample, in the host's own page.
  await page
    .getByRole('region', { name: 'In the LIMS' })
    .getByRole('link', { name: 'Sample S-2026-0417' })
    .click();
  await page.getByRole('heading', { name: 'Sample S-2026-0417' }).waitFor();
}
