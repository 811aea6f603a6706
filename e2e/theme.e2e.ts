// The sample brand theme really changes what is drawn: the same page, pixel for pixel, in
// the light theme and in the brand theme; and drawing the same theme twice changes nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { chromiumForFile, openDemoPage, SCREENSHOT_DIR, signIn } from './support/browser';
import { compareScreenshots } from './support/compareScreenshots';

const browser = chromiumForFile();

async function drawn(page: Page, theme: string, name: string): Promise<Buffer> {
  await page.getByLabel('Theme').selectOption(theme);
  await page.locator(`[data-masetra-theme="${theme}"]`).first().waitFor();
  // Let transitions and the table's virtualised rows settle before the picture is taken.
  await page.waitForTimeout(300);
  const picture = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(`${SCREENSHOT_DIR}theme-${name}.png`, picture);
  return picture;
}

test('the sample brand theme redraws the deviation list; the light theme draws it the same each time', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'theme');
  await signIn(page, 'qa@acme.example');
  await page.getByRole('link', { name: 'Deviations' }).click();
  await page.getByRole('row').nth(1).waitFor();
  await page.waitForLoadState('networkidle');

  const light = await drawn(page, 'light', 'light');
  const brand = await drawn(page, 'brand', 'brand');
  const dark = await drawn(page, 'dark', 'dark');
  const lightAgain = await drawn(page, 'light', 'light-again');

  const brandChange = await compareScreenshots(page, light, brand);
  const darkChange = await compareScreenshots(page, light, dark);
  const noChange = await compareScreenshots(page, light, lightAgain);

  // The brand repaints page, navigation, buttons and type (about half the pixels when written),
  expect(brandChange.ratio, 'share of pixels the brand theme redraws').toBeGreaterThan(0.2);
  // dark redraws nearly everything,
  expect(darkChange.ratio, 'share of pixels the dark theme redraws').toBeGreaterThan(0.6);
  // and the comparison itself is stable: the same theme twice is the same picture.
  expect(noChange.ratio, 'share of pixels that differ between two light pictures').toBeLessThan(0.001);
  expect(errors).toEqual([]);
  await context.close();
});
