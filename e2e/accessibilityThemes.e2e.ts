// The dark and the sample brand theme change only colours: axe-core's colour rules (contrast,
// links told apart from text) on every page of the demo in each.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from './support/browser';
import { auditEveryPage } from './support/demoPages';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test.each(['dark', 'brand'])(
  'every page in the %s theme has no serious or critical colour violations',
  async (theme) => {
    const { violations, errors } = await auditEveryPage(browser, theme, 'colour');
    expect(violations).toEqual({});
    expect(errors).toEqual([]);
  },
);
