// Single sign-on in the demo, with a real OpenID provider (oidc-provider) in the test process:
// an administrator sets the provider up on the settings screen, a person signs in through the
// provider's own login page (created just in time, with mapped roles), and signs a record by
// re-authenticating at the provider in a pop-up (prompt=login, max_age=0), not with a password.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from '../apps/reference-server/src/sso/testing/testOpenIdProvider';
import { seriousViolations } from './support/axe';
import {
  chromiumForFile,
  DEMO_PASSWORD,
  demoOrigin,
  openDemoPage,
  screenshot,
  signIn,
  signOut,
} from './support/browser';

const browser = chromiumForFile();

const sam = {
  sub: 'e2e-sam',
  email: 'sam.sso@sso-e2e.example',
  name: 'Sam Sso',
  groups: ['qa'],
  password: 'provider-password-sam',
};
const CLIENT_SECRET = 'e2e-client-secret-4b1d';

let idp: TestOpenIdProvider;
beforeAll(async () => {
  idp = await startTestOpenIdProvider({
    clients: [
      {
        clientId: 'masetra-demo',
        clientSecret: CLIENT_SECRET,
        redirectUris: [`${demoOrigin()}/sso/callback`],
      },
    ],
    identities: [sam],
  });
});
afterAll(() => idp?.close());

async function api(path: string, token: string | null, method = 'GET', body?: unknown, version?: number) {
  const response = await fetch(`${demoOrigin()}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A deviation raised by the originator and assessed by QA, waiting for a QA approver's signature. */
async function deviationAwaitingApproval(): Promise<{ id: string; number: string }> {
  const originator = (
    await api('/auth/login', null, 'POST', { email: 'originator@acme.example', password: DEMO_PASSWORD })
  ).accessToken;
  const qa = (await api('/auth/login', null, 'POST', { email: 'qa@acme.example', password: DEMO_PASSWORD }))
    .accessToken;
  let record = await api('/deviations', originator, 'POST', {
    title: 'Carton count off by one on line 4 (SSO signing)',
    description: 'Shipper carton held 47 instead of 48 units.',
    occurredAt: new Date().toISOString(),
    area: 'Packaging',
    severity: 'major',
  });
  record = await api(
    `/deviations/${record.id}/transitions`,
    originator,
    'POST',
    { event: 'SUBMIT' },
    record.version,
  );
  record = await api(
    `/deviations/${record.id}`,
    qa,
    'PATCH',
    { changes: { immediateActions: 'Line 4 output on hold.' }, reason: 'Assessment' },
    record.version,
  );
  record = await api(
    `/deviations/${record.id}/transitions`,
    qa,
    'POST',
    { event: 'SUBMIT_ASSESSMENT' },
    record.version,
  );
  return { id: record.id, number: record.number };
}

async function fillProviderLogin(page: Page) {
  await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
  await page.getByLabel('E-mail').fill(sam.email);
  await page.getByLabel('Password').fill(sam.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an administrator sets up SSO; a person signs in with it and signs a record by re-authenticating at the provider', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'sso');

  // The administrator's settings screen.
  await signIn(page, 'admin@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Single sign-on' }).click();
  await page.getByRole('heading', { name: 'Single sign-on', level: 1 }).waitFor();
  const providerName = page.getByLabel('Provider name');
  await providerName.fill('Test IdP');
  await page.getByLabel('Issuer URL').fill(idp.issuer);
  await page.getByLabel('Client ID').fill('masetra-demo');
  await page.getByLabel('Client secret').fill(CLIENT_SECRET);
  await page.getByLabel('Allowed e-mail domains').fill('sso-e2e.example');
  await page.getByLabel('Role claim').fill('groups');
  await page.getByLabel('Role mapping').fill('qa = qa_reviewer, qa_approver\nstaff = originator');
  await page.getByLabel('Reason for the change').fill('Single sign-on for the e2e organization');
  // What was typed first is still there: the settings' load, answering late, never overwrites it.
  expect(await providerName.inputValue()).toBe('Test IdP');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText('Saved. The change is recorded in the audit trail.').waitFor();
  // The secret is never shown again, only that it is set.
  expect(await page.getByLabel('Client secret').inputValue()).toBe('');
  await page.getByText('Set. It is stored encrypted and never shown').waitFor();
  expect(await page.content()).not.toContain(CLIENT_SECRET);
  await screenshot(page, 'sso-settings', { fullPage: true });
  expect(await seriousViolations(page, 'every rule')).toEqual([]);
  await signOut(page);

  // Sign-in through the provider's login page; the first sign-in creates the user.
  await page.getByLabel('E-mail').fill(sam.email);
  await screenshot(page, 'sso-sign-in');
  expect(await seriousViolations(page, 'every rule')).toEqual([]);
  await page.getByRole('button', { name: 'Sign in with SSO' }).click();
  await page.waitForURL(`${idp.issuer}/**`);
  await fillProviderLogin(page);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByText('Sam Sso').first().waitFor();
  await page.getByText('qa approver, qa reviewer').waitFor();
  // No authorization code stays in the address bar.
  expect(new URL(page.url()).search).toBe('');

  // Signing: the dialog offers the provider, not a password field.
  const deviation = await deviationAwaitingApproval();
  await page.goto(`/deviations/${deviation.id}`);
  await page.getByRole('article').waitFor();
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign: Approve' });
  await dialog.waitFor();
  expect(await dialog.getByLabel('Password').count()).toBe(0);
  const reauthenticate = dialog.getByRole('button', { name: 'Re-authenticate with Test IdP' });
  await expect
    .poll(() => reauthenticate.evaluate((element) => element === document.activeElement))
    .toBe(true);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  // The provider asks for the credentials again, though Sam signed in there minutes ago.
  await fillProviderLogin(popup);
  await popup.waitForEvent('close');
  await dialog
    .getByRole('status')
    .getByText('Re-authenticated with Test IdP. Sign within 2 minutes.')
    .waitFor();
  await screenshot(page, 'sso-signature-dialog');
  expect(await seriousViolations(page, 'every rule')).toEqual([]);
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page
    .getByText(/Approved by Sam Sso, /)
    .first()
    .waitFor();
  await screenshot(page, 'sso-signed-record', { fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});
