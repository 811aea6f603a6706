// The pages of the demo, as a signed-in person reaches them, and axe-core's verdict on each.
import type { Browser, Page } from 'playwright-core';
import { seriousViolations, type Violation } from './axe';
import { newDemoContext, screenshot, signIn, signOut, watchForPageErrors } from './browser';

/** A page of the demo: where it is, and what shows once it has drawn its content. */
export interface DemoPage {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  ready: (page: Page) => Promise<unknown>;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).waitFor();
const firstRow = (page: Page) => page.getByRole('row').nth(1).waitFor();
const recordPath = /\/[0-9a-f-]{36}$/;
const recordOf = (list: string) => async (page: Page) => {
  await page.goto(list);
  // The first row is clicked again while the page has not moved: under load the table may still be
  // drawing its rows (a placeholder row takes no click) when the first click lands.
  for (let attempt = 0; attempt < 10 && !recordPath.test(new URL(page.url()).pathname); attempt += 1) {
    await page.getByRole('row').nth(1).click();
    await page.waitForURL(recordPath, { timeout: 3_000 }).catch(() => undefined);
  }
  await page.waitForURL(recordPath);
  return new URL(page.url()).pathname;
};
const recordReady = (page: Page) =>
  page.getByRole('article').getByRole('region', { name: 'Audit trail' }).waitFor();

export const qaPages: DemoPage[] = [
  { name: 'dashboard', path: '/', ready: (page) => page.getByText(/open$/).first().waitFor() },
  { name: 'deviations', path: '/deviations', ready: firstRow },
  { name: 'capas', path: '/capas', ready: firstRow },
  { name: 'documents', path: '/documents', ready: firstRow },
  { name: 'audits', path: '/audits', ready: firstRow },
  {
    name: 'audit-trail',
    path: '/audit-trail',
    ready: (page) => page.getByText(/entries, oldest first/).waitFor(),
  },
  {
    name: 'new-deviation',
    path: '/deviations/new',
    ready: (page) => page.getByRole('button', { name: 'Create' }).waitFor(),
  },
  {
    name: 'new-document',
    path: '/documents/new',
    ready: (page) => page.getByRole('radio', { name: 'SOP' }).waitFor(),
  },
  {
    name: 'import-deviations',
    path: '/deviations/import',
    ready: (page) => page.getByLabel('CSV or Excel file').waitFor(),
  },
  { name: 'deviation', path: recordOf('/deviations'), ready: recordReady },
  { name: 'capa', path: recordOf('/capas'), ready: recordReady },
  { name: 'document', path: recordOf('/documents'), ready: recordReady },
  { name: 'audit', path: recordOf('/audits'), ready: recordReady },
  { name: 'findings', path: '/findings', ready: firstRow },
  {
    name: 'my-tasks',
    path: '/my-tasks',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor(),
  },
  { name: 'finding', path: recordOf('/findings'), ready: recordReady },
  {
    name: 'reports',
    path: '/reports',
    ready: (page) => page.getByRole('table').first().waitFor(),
  },
  { name: 'not-found', path: '/no-such-page', ready: heading },
  {
    name: 'account',
    path: '/account',
    ready: (page) => page.getByRole('table').waitFor(),
  },
  {
    name: 'training',
    path: '/training',
    ready: (page) => page.getByRole('heading', { level: 2, name: 'Documents for you to read' }).waitFor(),
  },
  {
    name: 'training-matrix',
    path: '/training/matrix',
    ready: (page) => page.getByRole('table').waitFor(),
  },
];

/**
 * How long a scan of every page may take: about 15 s a page (sign-in, load, axe, screenshot) on
 * the two shared cores of CI, for the 19 pages, with room to spare.
 */
export const EVERY_PAGE_TIMEOUT_MS = 360_000;

/**
 * Opens every page of the demo in `theme` (sign-in and user administration as the administrator,
 * the rest as QA) and returns the serious and critical violations found, by page, and any page errors.
 */
export async function auditEveryPage(
  browser: Browser,
  theme: string,
  scope: 'every rule' | 'colour',
): Promise<{ violations: Record<string, Violation[]>; errors: string[] }> {
  const context = await newDemoContext(browser);
  await context.addInitScript((name) => localStorage.setItem('masetra-demo.theme', name), theme);
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  const violations: Record<string, Violation[]> = {};
  const check = async (name: string, ready: (page: Page) => Promise<unknown>) => {
    await ready(page);
    await page.waitForLoadState('networkidle');
    const found = await seriousViolations(page, scope);
    if (found.length > 0) violations[name] = found;
    await screenshot(page, `a11y-${theme}-${name}`);
  };

  await page.goto('/sign-in');
  await check('sign-in', (p) => p.getByRole('heading', { name: 'Sign in' }).waitFor());

  await signIn(page, 'admin@acme.example');
  await page.goto('/admin/users');
  await check('users', (p) => p.getByRole('table').waitFor());
  await page.goto('/settings/security');
  await check('security-settings', (p) => p.getByRole('radio', { name: 'Everyone', exact: true }).waitFor());
  await page.goto('/settings/sso');
  await check('sso-settings', (p) => p.getByLabel('Provider name').waitFor());
  await page.goto('/settings/document-kinds');
  await check('document-kinds', (p) => p.getByLabel('Prefix for SOP').waitFor());
  await page.goto('/settings/training');
  await check('training-settings', (p) =>
    p.getByRole('group', { name: 'Roles trained on every SOP' }).waitFor(),
  );
  await page.goto('/settings/webhooks');
  await check('webhooks', (p) => p.getByRole('button', { name: 'Register endpoint' }).waitFor());
  await signOut(page);

  await signIn(page, 'qa@acme.example');
  for (const demoPage of qaPages) {
    await page.goto(typeof demoPage.path === 'string' ? demoPage.path : await demoPage.path(page));
    await check(demoPage.name, demoPage.ready);
  }
  await context.close();
  return { violations, errors };
}
