// Debian's Chromium through playwright-core (never a downloaded browser), and what the tests do
// in it as a person would: sign in, open a page, read what the demo says.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFailed } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the reference server of the browser tests listens, e.g. `http://127.0.0.1:41234`. */
    demoOrigin: string;
  }
}

/** The reference server the global setup started for this run. */
export function demoOrigin(): string {
  return inject('demoOrigin');
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Every seeded demo user's password (README). */
export const DEMO_PASSWORD = 'Masetra-demo-1';

/** Screenshots the tests take, for people to look at; `test-results/` is git-ignored. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

/** A fresh browser profile on the demo: no session, fixed viewport, locale and time zone. */
export async function newDemoContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: demoOrigin(),
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** One Chromium for the test file: launched before its tests, closed after them. */
export function chromiumForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start');
    return browser;
  };
}

/**
 * A page on the demo in a fresh profile, for one test: its uncaught errors collected, and a
 * full-page screenshot `failed-<name>.png` when the test fails.
 */
export async function openDemoPage(
  browser: Browser,
  name: string,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newDemoContext(browser);
  await prepare?.(context);
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  onTestFailed(async () => {
    await screenshot(page, `failed-${name}`, { fullPage: true });
  });
  return { context, page, errors };
}

/** Fails the test on any uncaught error in the page, with the page's own message. */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
