// axe-core on every page of the demo, as the people who use it see them: no serious or
// critical violations of WCAG 2.2 A/AA or axe's best practices.
import { expect, test } from 'vitest';
import { chromiumForFile } from './support/browser';
import { auditEveryPage, EVERY_PAGE_TIMEOUT_MS } from './support/demoPages';

const browser = chromiumForFile();

test(
  'every page of the demo has no serious or critical axe violations',
  async () => {
    const { violations, errors } = await auditEveryPage(browser(), 'light', 'every rule');
    expect(violations).toEqual({});
    expect(errors).toEqual([]);
  },
  EVERY_PAGE_TIMEOUT_MS,
);
