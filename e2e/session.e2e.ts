// The demo's session: the access token lives in memory and is refreshed before it expires; the
// refresh token survives a reload of the tab (sessionStorage) and nothing survives signing out.
import { expect, test } from 'vitest';
import { chromiumForFile, openDemoPage, signIn, signOut } from './support/browser';

const browser = chromiumForFile();

test('a session survives a reload, refreshes its token when it expires, and ends at sign-out', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'session', (fresh) =>
    fresh.clock.install(),
  );
  const refreshes: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/v1/auth/refresh')) refreshes.push(response.status());
  });

  await signIn(page, 'viewer@acme.example');
  const stored = await page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }));
  // No token in localStorage; the refresh token only in this tab's sessionStorage.
  expect(JSON.stringify(stored.local)).not.toMatch(/token/i);
  expect(Object.keys(stored.session)).toEqual(['masetra-demo.refresh-token']);

  await page.reload();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(refreshes).toEqual([200]);

  // Twenty minutes later the access token (15 minutes) has expired: the next request refreshes it first.
  await page.clock.fastForward('20:00');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deviations' }).click();
  await page.getByRole('row').nth(1).waitFor();
  expect(refreshes).toEqual([200, 200]);

  await signOut(page);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
