// The dark and the sample brand theme change only colours: axe-core's colour rules (contrast,
// links told apart from text) on every page of the demo in each.
import { expect, test } from 'vitest';
import { chromiumForFile } from './support/browser';
import { auditEveryPage, EVERY_PAGE_TIMEOUT_MS } from './support/demoPages';

const browser = chromiumForFile();

test.each(['dark', 'brand'])(
  'every page in the %s theme has no serious or critical colour violations',
  async (theme) => {
    const { violations, errors } = await auditEveryPage(browser(), theme, 'colour');
    expect(violations).toEqual({});
    expect(errors).toEqual([]);
  },
  EVERY_PAGE_TIMEOUT_MS,
);
