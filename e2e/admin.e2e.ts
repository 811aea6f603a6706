// User administration in the demo: the administrator adds a user with a role and never types a
// password; the user chooses their own with the invitation link (in the demo, from the dev
// mailbox), works in that role, and later asks for a new one with "Forgot password?".
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { chromiumForFile, openDemoPage, signIn, signOut } from './support/browser';

const browser = chromiumForFile();

/** Follows the newest link the dev mailbox shows for `email`, and chooses `password` on the set-up page. */
async function choosePasswordFromMailbox(page: Page, email: string, subject: string, password: string) {
  const message = page
    .getByRole('article')
    .filter({ hasText: `To ${email}` })
    .filter({ has: page.getByRole('heading', { name: subject }) })
    .first();
  // The outbox worker delivers asynchronously (a second or two, longer on a loaded machine), and
  // the mailbox is a plain page: reload it until the message is there, as a person would.
  await expect
    .poll(
      async () => {
        await page.goto('/mailbox');
        return message.count();
      },
      { timeout: 45_000, interval: 1_000 },
    )
    .toBeGreaterThan(0);
  await message.getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Set up your Masetra account' }).waitFor();
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the new password').fill(password);
  await page.getByRole('button', { name: 'Set my password' }).click();
  await page.getByRole('status').getByText('Your password is set.').waitFor();
}

test('an administrator invites a user, who chooses their own password from the e-mailed link', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'admin');
  const email = `new.investigator.${Date.now()}@acme.example`;

  await signIn(page, 'admin@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  const form = page.getByRole('region', { name: 'Add a user' });
  await form.getByLabel('Name', { exact: true }).fill('Nina Investigator');
  await form.getByLabel('E-mail').fill(email);
  expect(await form.getByLabel(/password/i).count()).toBe(0);
  await form.getByLabel('viewer', { exact: true }).uncheck();
  await form.getByLabel('investigator', { exact: true }).check();
  await form.getByRole('button', { name: 'Add user' }).click();
  await page.getByRole('row', { name: /Nina Investigator/ }).waitFor();
  await signOut(page);

  await choosePasswordFromMailbox(
    page,
    email,
    'Your Masetra account at Acme Pharma',
    'My-own-passphrase-2026',
  );
  await signIn(page, email, 'My-own-passphrase-2026');
  await page.getByText('Nina Investigator').first().waitFor();
  // An investigator administers no one.
  expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
  await signOut(page);

  // "Forgot password?" mails them another link, which sets a new password.
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  await choosePasswordFromMailbox(page, email, 'Choose a new Masetra password', 'Another-passphrase-2026');
  await signIn(page, email, 'Another-passphrase-2026');
  expect(errors).toEqual([]);
  await context.close();
});

test("an administrator's reset leaves the administrator no way in: the user's sessions and password end, and only the e-mailed link sets a new one", async () => {
  const admin = await openDemoPage(browser(), 'admin-reset');
  const user = await openDemoPage(browser(), 'admin-reset-user');
  const email = `reset.me.${Date.now()}@acme.example`;

  await signIn(admin.page, 'admin@acme.example');
  await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  const form = admin.page.getByRole('region', { name: 'Add a user' });
  await form.getByLabel('Name', { exact: true }).fill('Rita Reset');
  await form.getByLabel('E-mail').fill(email);
  await form.getByRole('button', { name: 'Add user' }).click();
  await admin.page.getByRole('row', { name: /Rita Reset/ }).waitFor();

  // The user chooses a password from the invitation and works, signed in, in their own browser.
  await choosePasswordFromMailbox(
    user.page,
    email,
    'Your Masetra account at Acme Pharma',
    'Rita-first-passphrase-1',
  );
  await signIn(user.page, email, 'Rita-first-passphrase-1');

  // The administrator resets it: nothing on the page asks for or shows a password or a link.
  await admin.page.getByRole('button', { name: 'Reset password of Rita Reset' }).click();
  await admin.page
    .getByLabel("Reason for resetting Rita Reset's password")
    .fill('User reports a shoulder-surfed password');
  expect(
    await admin.page
      .getByLabel(/password/i)
      .and(admin.page.locator('input[type=password]'))
      .count(),
  ).toBe(0);
  await admin.page.getByRole('button', { name: 'Send reset link' }).click();
  await admin.page.getByRole('status').getByText('Rita Reset is signed out').waitFor();
  expect(await admin.page.locator('a[href*="/setup"]').count()).toBe(0);
  await signOut(admin.page);

  // The user's session has ended at once; their old password signs in no more.
  await user.page.reload();
  await user.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await user.page.getByLabel('E-mail').fill(email);
  await user.page.getByLabel('Password', { exact: true }).fill('Rita-first-passphrase-1');
  await user.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await user.page.getByRole('alert').waitFor();
  expect(await user.page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

  // Only the link mailed to the user sets a new password.
  await choosePasswordFromMailbox(
    user.page,
    email,
    'Choose a new Masetra password',
    'Rita-second-passphrase-2',
  );
  await signIn(user.page, email, 'Rita-second-passphrase-2');
  expect([...admin.errors, ...user.errors]).toEqual([]);
  await admin.context.close();
  await user.context.close();
});
