// What the tests read and do on a record's page of the demo, in the words a person sees.
import type { Locator, Page } from 'playwright-core';

/** The record shown on the page (RecordDetail's article). */
export function recordArticle(page: Page): Locator {
  return page.getByRole('article').first();
}

/** Waits until the record's state badge reads `stateLabel`. */
export async function waitForState(page: Page, stateLabel: string): Promise<void> {
  await recordArticle(page).locator('header').getByText(stateLabel, { exact: true }).waitFor();
}

/** Takes a lifecycle step that needs neither a reason nor a signature. */
export async function takeStep(page: Page, eventLabel: string, nextStateLabel: string): Promise<void> {
  await page
    .getByRole('list', { name: 'Lifecycle actions' })
    .getByRole('button', { name: eventLabel, exact: true })
    .click();
  await waitForState(page, nextStateLabel);
}

/** Opens the signature dialog of a signed step. */
export async function startSignedStep(page: Page, eventLabel: string): Promise<Locator> {
  await page
    .getByRole('list', { name: 'Lifecycle actions' })
    .getByRole('button', { name: eventLabel, exact: true })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

/** Signs in the open signature dialog (user name on a session's first signature). */
export async function sign(dialog: Locator, credentials: { email: string; password: string }): Promise<void> {
  const username = dialog.getByLabel('User name (e-mail)');
  if (await username.isVisible()) await username.fill(credentials.email);
  await dialog.getByLabel('Password', { exact: true }).fill(credentials.password);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
}

/** Edits fields through the record's form, with the reason a change past draft needs. */
export async function editRecord(
  page: Page,
  fill: (form: Locator) => Promise<void>,
  reason: string,
): Promise<void> {
  await recordArticle(page).getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form').first();
  await fill(form);
  await form.getByLabel('Reason for the change').fill(reason);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await recordArticle(page).waitFor();
}

/** The texts of the record's audit-trail entries, oldest first. */
export async function auditTrailEntries(page: Page): Promise<string[]> {
  const trail = page.getByRole('region', { name: 'Audit trail' }).last();
  await trail.getByRole('listitem').first().waitFor();
  return trail.locator('ol > li').allInnerTexts();
}
