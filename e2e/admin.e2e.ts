// User administration in the demo: the administrator adds a user with a temporary password and
// a role; the user must choose their own password at first sign-in, then works in that role.
import { expect, test } from 'vitest';
import { chromiumForFile, openDemoPage, signIn, signOut } from './support/browser';

const browser = chromiumForFile();

test('an administrator adds a user, who chooses a new password at first sign-in', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'admin');
  const email = `new.investigator.${Date.now()}@acme.example`;

  await signIn(page, 'admin@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  const form = page.getByRole('region', { name: 'Add a user' });
  await form.getByLabel('Name', { exact: true }).fill('Nina Investigator');
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Temporary password').fill('Temporary-pass-42');
  await form.getByLabel('viewer', { exact: true }).uncheck();
  await form.getByLabel('investigator', { exact: true }).check();
  await form.getByRole('button', { name: 'Add user' }).click();
  await page.getByRole('row', { name: /Nina Investigator/ }).waitFor();
  await signOut(page);

  // The temporary password opens the way to choosing one's own, and only that.
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Temporary-pass-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await page.getByLabel('New password', { exact: true }).fill('My-own-passphrase-2026');
  await page.getByLabel('Repeat the new password').fill('My-own-passphrase-2026');
  await page.getByRole('button', { name: 'Change password and sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByText('Nina Investigator').first().waitFor();
  // An investigator administers no one.
  expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
