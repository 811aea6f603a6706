// An organization's MFA policy in force (issue 12): Globex requires an authenticator of everyone
// who signs, and its QA approver, at their next sign-in, is led to the account page and can open
// nothing else until the authenticator is set up from its QR code; then the whole QMS opens and
// sign-in asks for the code. The same user chooses German for their e-mails and screens. Globex,
// not Acme: the other browser tests sign in as Acme's users without a second factor.
import { generate } from 'otplib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { api } from './support/api';
import { seriousViolations } from './support/axe';
import { chromiumForFile, DEMO_PASSWORD, openDemoPage, screenshot, signOut } from './support/browser';

const browser = chromiumForFile();

async function setGlobexPolicy(mfaRequired: 'off' | 'signers') {
  const { accessToken } = await api('/auth/login', {
    body: { email: 'admin@globex.example', password: DEMO_PASSWORD },
  });
  await api('/organizations/security-policy', {
    method: 'PATCH',
    token: accessToken,
    body: { mfaRequired, reason: 'Browser test of the MFA policy' },
  });
}

beforeAll(() => setGlobexPolicy('signers'));
afterAll(() => setGlobexPolicy('off'));

test('a signer of an organization that requires an authenticator is led through enrolment at sign-in, and chooses German', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'mfa-enrolment');
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('qa@globex.example');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // Straight to the account page, which says why; the navigation offers nothing else.
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  await page.getByRole('note').getByText('Your organization requires an authenticator app').waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });
  expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Your account']);
  const authenticator = page.getByRole('region', { name: 'Authenticator' });
  await authenticator.getByText('No authenticator app is set up').waitFor();
  await screenshot(page, 'mfa-enrolment-required', { fullPage: true });
  expect(await seriousViolations(page, 'every rule')).toEqual([]);
  // An address typed by hand leads back to the account page.
  await page.goto('/deviations');
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/account');

  await authenticator.getByRole('button', { name: 'Set up an authenticator' }).click();
  await authenticator.getByLabel('Your password').fill(DEMO_PASSWORD);
  await authenticator.getByRole('button', { name: 'Continue' }).click();
  const qr = authenticator.getByRole('img', { name: 'QR code of your authenticator key' });
  await qr.waitFor();
  expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  const secret = ((await authenticator.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await authenticator.getByLabel('Six-digit code from the app').fill(await generate({ secret }));
  await authenticator.getByRole('button', { name: 'Confirm' }).click();
  await authenticator.getByRole('list', { name: 'Your recovery codes' }).waitFor();
  await authenticator.getByRole('button', { name: 'I have saved them' }).click();
  await authenticator.getByRole('status').getByText('The authenticator is set up.').waitFor();

  // Enrolled: the notice is gone and the whole QMS opens.
  await expect.poll(() => page.getByRole('note').count()).toBe(0);
  await nav.getByRole('link', { name: 'Deviations' }).click();
  await page.getByRole('heading', { name: 'Deviations', level: 1 }).waitFor();

  // Sign-in now asks for the app's code: the next one, since a code works once (replay is refused).
  const timeStep = () => Math.floor(Date.now() / 30_000);
  const confirmedIn = timeStep();
  await signOut(page);
  await expect.poll(timeStep, { timeout: 35_000, interval: 500 }).toBeGreaterThan(confirmedIn);
  await page.getByLabel('E-mail').fill('qa@globex.example');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('One-time code').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();

  // German, chosen on the account page: the page, the navigation and the SDK's screens speak it.
  await nav.getByRole('link', { name: 'Your account' }).click();
  const language = page.getByRole('region', { name: 'Language' });
  await language.getByLabel('Your language').selectOption('de');
  await language.getByRole('button', { name: 'Save language' }).click();
  await page.getByRole('heading', { name: 'Ihr Konto', level: 1 }).waitFor();
  await page
    .getByRole('region', { name: 'Sprache' })
    .getByRole('status')
    .getByText('Ihre Sprache ist gespeichert.')
    .waitFor();
  await nav.getByRole('link', { name: 'Ihr Konto' }).waitFor();
  expect(await page.locator('[lang="de-DE"]').count()).toBeGreaterThan(0);
  await screenshot(page, 'account-language-de', { fullPage: true });
  expect(await seriousViolations(page, 'every rule')).toEqual([]);
  // Kept by the server: a new session starts in German.
  await page.reload();
  await page.getByRole('heading', { name: 'Ihr Konto', level: 1 }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
