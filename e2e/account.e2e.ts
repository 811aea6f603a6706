// The account page: a user sets up an authenticator from its QR code (the key shown as text,
// the code computed here as their app would), saves the recovery codes, signs in with one of
// them, and signs out another of their sessions; an administrator sees the security settings.
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { api } from './support/api';
import { seriousViolations } from './support/axe';
import {
  chromiumForFile,
  DEMO_PASSWORD,
  demoOrigin,
  newDemoContext,
  openDemoPage,
  screenshot,
  signIn,
  signOut,
} from './support/browser';

const browser = chromiumForFile();
const PASSWORD = 'Account-e2e-passphrase-1';

/**
 * A user of this test alone (the seeded ones are shared with the other browser tests, which
 * sign in without a code): invited by the administrator, their password chosen with the link
 * from the dev mailbox, all through the API.
 */
async function newUser(displayName = 'Ada Account'): Promise<string> {
  const email = `account.${Date.now()}.${Math.floor(Math.random() * 1000)}@acme.example`;
  const { accessToken } = await api('/auth/login', {
    body: { email: 'admin@acme.example', password: DEMO_PASSWORD },
  });
  await api('/users', {
    token: accessToken,
    body: { email, displayName, roles: ['originator'] },
  });
  let token: string | undefined;
  await expect
    .poll(
      async () => {
        const mailbox = await (await fetch(`${demoOrigin()}/mailbox`)).text();
        const article = mailbox.split('<article>').find((message) => message.includes(`To ${email}`));
        token = article?.match(/#token=([\w-]+)/)?.[1];
        return token;
      },
      { timeout: 45_000, interval: 1_000 },
    )
    .toBeTruthy();
  await api('/auth/setup', { body: { token, newPassword: PASSWORD } });
  return email;
}

/** Signs in through the second-factor step with a recovery code. */
async function signInWithRecoveryCode(page: Page, email: string, code: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('One-time code').waitFor();
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function openAccount(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' }).click();
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
}

test('a user sets up an authenticator, signs in with a recovery code, and signs out another session', async () => {
  const email = await newUser();
  const { context, page, errors } = await openDemoPage(browser(), 'account');
  await signIn(page, email, PASSWORD);
  await openAccount(page);
  const authenticator = page.getByRole('region', { name: 'Authenticator' });
  await authenticator.getByText('No authenticator app is set up').waitFor();

  // The password first; the keyboard user lands on each new step's heading.
  await authenticator.getByRole('button', { name: 'Set up an authenticator' }).click();
  const stepHeading = authenticator.getByRole('heading', { name: 'Set up an authenticator' });
  await expect.poll(() => stepHeading.evaluate((element) => element === document.activeElement)).toBe(true);
  await authenticator.getByLabel('Your password').fill(PASSWORD);
  await authenticator.getByRole('button', { name: 'Continue' }).click();
  const scan = authenticator.getByRole('heading', { name: 'Scan the code with your authenticator app' });
  await scan.waitFor();
  await expect.poll(() => scan.evaluate((element) => element === document.activeElement)).toBe(true);
  const qr = authenticator.getByRole('img', { name: 'QR code of your authenticator key' });
  expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

  await screenshot(page, 'account-enrol-qr', { fullPage: true });
  // What a person types into their app by hand, and the code the app then shows.
  const secret = ((await authenticator.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await authenticator.getByLabel('Six-digit code from the app').fill(await generate({ secret }));
  await authenticator.getByRole('button', { name: 'Confirm' }).click();

  const codesList = authenticator.getByRole('list', { name: 'Your recovery codes' });
  await codesList.waitFor();
  const codes = (await codesList.getByRole('listitem').allInnerTexts()).map((code) => code.trim());
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await screenshot(page, 'account-recovery-codes', { fullPage: true });
  expect(await seriousViolations(page, 'every rule')).toEqual([]);
  await authenticator.getByRole('button', { name: 'I have saved them' }).click();
  await authenticator.getByRole('status').getByText('The authenticator is set up.').waitFor();
  // The step is gone; focus is on the section's heading, not lost to the page.
  expect(
    await authenticator
      .getByRole('heading', { name: 'Authenticator', level: 2 })
      .evaluate((element) => element === document.activeElement),
  ).toBe(true);
  await authenticator.getByText('10 of 10 recovery codes unused').waitFor();
  await signOut(page);

  // Sign-in now asks for the app's code; a recovery code stands in for it, once.
  const [first, second] = codes as [string, string];
  await signInWithRecoveryCode(page, email, first);

  // A second browser of the same person, signed in with another recovery code.
  const other = await newDemoContext(browser());
  const otherPage = await other.newPage();
  await signInWithRecoveryCode(otherPage, email, second);

  await openAccount(page);
  await page
    .getByRole('region', { name: 'Authenticator' })
    .getByText('8 of 10 recovery codes unused')
    .waitFor();
  const sessions = page.getByRole('region', { name: 'Sessions' });
  const rows = sessions.getByRole('table', { name: 'Your open sessions' }).getByRole('row');
  // This browser's and the other browser's, both Chrome (the first one here ended at sign-out),
  // and the one the set-up link opened (from this test's own process).
  await sessions.getByRole('row', { name: /This session/ }).waitFor();
  const chrome = rows.filter({ hasText: /Chrome \d+ on Linux/ });
  await expect.poll(() => chrome.count()).toBe(2);
  const before = await rows.count();
  await screenshot(page, 'account-page', { fullPage: true });
  expect(await seriousViolations(page, 'every rule')).toEqual([]);

  await sessions.getByRole('button', { name: /^End the session on Chrome/ }).click();
  await sessions
    .getByRole('status')
    .getByText(/The session on Chrome .* has ended\./)
    .waitFor();
  await expect.poll(() => rows.count()).toBe(before - 1);
  expect(await chrome.count()).toBe(1);
  // Focus stays in the section, on what is left to do there.
  expect(
    await sessions
      .getByRole('button', { name: 'End all other sessions' })
      .evaluate((element) => element === document.activeElement),
  ).toBe(true);

  // The other browser's session is over: its next refresh is refused, and it is signed out.
  await otherPage.reload();
  await otherPage.getByRole('heading', { name: 'Sign in' }).waitFor();
  await other.close();

  // The recovery code already used opens nothing any more.
  await signOut(page);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(first);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page
    .getByRole('alert')
    .getByText('The recovery code is not correct, or it was used already.')
    .waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('an administrator sees the MFA requirement (security settings) and ends a user’s sessions (Users page); the account page reads in German', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'security-settings');
  await signIn(page, 'admin@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security' }).click();
  await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
  const group = page.getByRole('group', { name: 'Who must use an authenticator app' });
  await group.getByRole('radio', { name: 'No one (each user chooses)' }).waitFor();
  expect(await group.getByRole('radio', { name: 'No one (each user chooses)' }).isChecked()).toBe(true);
  await group.getByText(/The roles that may take a signed step: .*qa approver/).waitFor();
  // Chosen, not saved: the other browser tests sign in without an authenticator.
  await group.getByRole('radio', { name: 'Everyone who signs' }).check();
  await screenshot(page, 'security-settings', { fullPage: true });
  expect(await seriousViolations(page, 'every rule')).toEqual([]);

  // On the Users page the administrator ends every session of someone signed in elsewhere.
  const email = await newUser('Bea Sessions');
  const elsewhere = await newDemoContext(browser());
  const elsewherePage = await elsewhere.newPage();
  await signIn(elsewherePage, email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  const row = page.getByRole('row', { name: /Bea Sessions/ });
  await row.getByRole('button', { name: 'End sessions of Bea Sessions' }).click();
  await row.getByLabel("Reason for ending Bea Sessions's sessions").fill('Laptop left on the train');
  await row.getByRole('button', { name: 'End all sessions', exact: true }).click();
  // The browser's session and the one the set-up link opened.
  await row.getByRole('status').getByText('2 sessions of Bea Sessions are ended.').waitFor();
  await elsewherePage.reload();
  await elsewherePage.getByRole('heading', { name: 'Sign in' }).waitFor();
  await elsewhere.close();
  expect(errors).toEqual([]);
  await context.close();

  // A German browser gets the account page in German.
  const german = await browser().newContext({
    baseURL: demoOrigin(),
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
    timezoneId: 'UTC',
  });
  const germanPage = await german.newPage();
  await signIn(germanPage, 'viewer@acme.example');
  await germanPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ihr Konto' }).click();
  await germanPage.getByRole('heading', { name: 'Ihr Konto', level: 1 }).waitFor();
  await germanPage
    .getByRole('region', { name: 'Sitzungen' })
    .getByRole('row', { name: /Diese Sitzung/ })
    .waitFor();
  await germanPage.getByText('Keine Authenticator-App eingerichtet').waitFor();
  await screenshot(germanPage, 'account-page-de', { fullPage: true });
  await german.close();
});
