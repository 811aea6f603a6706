// Training (read and understood): a person acknowledges a document version with their signature,
// and the training matrix, read by QA, shows them trained on it.

import { expect, test } from 'vitest';
import { chromiumForFile, DEMO_PASSWORD, openDemoPage, screenshot, signIn, signOut } from './support/browser';
import { sign } from './support/recordPage';
import { matrixCell } from './support/trainingMatrix';

const browser = chromiumForFile();

/** The seed's SOP that took effect 45 days ago: its training is overdue for those who have not read it. */
const GOWNING = /Gowning for grade A\/B cleanrooms/;

test('a user acknowledges training with their password, and the matrix shows them trained', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'training');

  // Ivan, an investigator, has the gowning SOP to read, past its due day.
  await signIn(page, 'investigator@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My training' }).click();
  const toDo = page.getByRole('table', { name: 'Training to do' });
  const row = toDo.getByRole('row').filter({ hasText: GOWNING });
  await row.waitFor();
  expect(await row.getByRole('cell', { name: 'Overdue' }).count()).toBe(1);
  await row.getByRole('button', { name: /^Acknowledge / }).click();

  // The signature dialog: meaning "Read and understood", a wrong password refused, then the right one.
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Read and understood', { exact: true }).waitFor();
  await sign(dialog, { email: 'investigator@acme.example', password: 'not my password' });
  // Refused: the dialog stays open and says why; nothing was signed.
  await dialog.getByRole('alert').waitFor();
  await sign(dialog, { email: 'investigator@acme.example', password: DEMO_PASSWORD });
  await page
    .getByRole('status')
    .filter({ hasText: /acknowledged: read and understood\./ })
    .waitFor();
  await expect.poll(() => row.count()).toBe(0);
  await page.getByRole('listitem').filter({ hasText: GOWNING }).filter({ hasText: 'Trained' }).waitFor();
  await screenshot(page, 'training-acknowledged');
  await signOut(page);

  // QA reads the matrix: Ivan trained on it; Olivia, who has not read it, overdue.
  await signIn(page, 'qa@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training matrix' }).click();
  expect(await matrixCell(page, 'Ivan Novak', GOWNING)).toMatch(/^Trained, /);
  expect(await matrixCell(page, 'Olivia Martin', GOWNING)).toMatch(/^Overdue, /);
  await screenshot(page, 'training-matrix');
  expect(errors).toEqual([]);
  await context.close();
});

test('an administrator chooses who must be trained on a kind of document, with a reason the trail keeps', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'training-settings');
  await signIn(page, 'admin@acme.example');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Who must be trained' })
    .click();
  const forms = page.getByRole('region', { name: 'Form', exact: true });
  const roles = forms.getByRole('group', { name: 'Roles trained on every Form' });
  await roles.getByRole('checkbox', { name: 'auditor' }).check();
  await forms.getByLabel('Days to read it after it takes effect').fill('10');
  await forms.getByLabel('Reason for the change').fill('Auditors check forms in use.');
  await forms.getByRole('button', { name: 'Save' }).click();
  await forms
    .getByRole('status')
    .getByText(/^Saved: the next Form to take effect/)
    .waitFor();
  // Kept by the server, as the page shows it after a reload, with who changed it.
  await page.reload();
  const reloaded = page.getByRole('region', { name: 'Form', exact: true });
  expect(
    await reloaded
      .getByRole('group', { name: 'Roles trained on every Form' })
      .getByRole('checkbox', { name: 'auditor' })
      .isChecked(),
  ).toBe(true);
  expect(await reloaded.getByLabel('Days to read it after it takes effect').inputValue()).toBe('10');
  await reloaded.getByText(/Last changed: .* · Alex Admin/).waitFor();
  await screenshot(page, 'training-settings', { fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});
