// The demo from the keyboard alone: skip link, sign-in, main navigation, a record opened
// from the table with the arrow keys and Enter, and focus on each new page's heading.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { chromiumForFile, DEMO_PASSWORD, openDemoPage } from './support/browser';

const browser = chromiumForFile();

/** What has the keyboard focus: its role (or tag) and accessible text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    const label = element?.labels?.[0]?.textContent;
    return {
      role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? '',
      text: (element?.getAttribute('aria-label') ?? label ?? element?.textContent ?? '').trim(),
    };
  });

async function tabTo(
  page: Page,
  matches: (target: { role: string; text: string }) => boolean,
): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error('Tabbing never reached the element');
}

test('signs in, navigates and opens a record with the keyboard only', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'keyboard');

  await page.goto('/sign-in');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await tabTo(page, (target) => target.role === 'input');
  await page.keyboard.type('qa@acme.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();

  // After an in-app navigation (the sign-in is one) the new page's heading takes the focus; a page
  // loaded from the address bar starts at the top, and there the skip link is the first stop.
  await page.goto(page.url());
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ role: 'a', text: 'Skip to content' });

  await tabTo(page, (target) => target.role === 'a' && target.text === 'Deviations');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/deviations$/);
  // The new page's heading takes the focus once the page has rendered (the URL changes first),
  // so a screen reader announces where one is.
  await expect.poll(() => focused(page)).toMatchObject({ role: 'h1', text: 'Deviations' });

  await page.getByRole('row').nth(1).waitFor();
  await tabTo(page, (target) => target.role === 'input' && target.text === 'Search');
  await page.keyboard.type('Particulate');
  await page.getByRole('row').filter({ hasText: 'Particulate matter' }).waitFor();
  await expect.poll(() => page.getByRole('row').count()).toBe(2);
  await tabTo(page, (target) => target.role === 'row');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/deviations\/[0-9a-f-]{36}$/);
  await page.getByRole('article').waitFor();
  await expect.poll(async () => (await focused(page)).role).toBe('h1');

  // The record's lifecycle actions are reachable, named, and open their dialog from the keyboard.
  await tabTo(page, (target) => target.role === 'button' && target.text === 'Approve closure');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  await expect.poll(async () => (await focused(page)).role).toBe('input');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
  await context.close();
});
