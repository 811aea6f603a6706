import { expect, test } from 'vitest';
import { chromiumForFile } from './support/browser';
import { auditEveryPage } from './support/demoPages';

const browser = chromiumForFile();

test('every page of the demo has no serious or critical axe violations', async () => {
  const { violations, errors } = await auditEveryPage(browser(), 'light', 'every rule');
  expect(violations).toEqual({});
  expect(errors).toEqual([]);
});
