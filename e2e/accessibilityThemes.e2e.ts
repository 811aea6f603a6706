import { expect, test } from 'vitest';
import { chromiumForFile } from './support/browser';
import { auditEveryPage } from './support/demoPages';

const browser = chromiumForFile();

test.each(['dark', 'brand'])(
  'every page in the %s theme has no serious or critical colour violations',
  async (theme) => {
    const { violations, errors } = await auditEveryPage(browser(), theme, 'colour');
    expect(violations).toEqual({});
    expect(errors).toEqual([]);
  },
);
