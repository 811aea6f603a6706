// The organization's audit trail as a QA reviewer reads it at 1280 px: structured changes (CAPA
// tasks, signatures) as labelled parts, never JSON, and headers that never break inside a word.
import { expect, test } from 'vitest';
import { chromiumForFile, openDemoPage, screenshot, signIn } from './support/browser';

const browser = chromiumForFile();

test('the audit trail reads as fields and lists at 1280 px, its headers whole', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'audit-trail');
  await signIn(page, 'qa@acme.example');
  await page.goto('/audit-trail');
  const trail = page.getByRole('region', { name: /entries, oldest first/ });
  await trail.getByRole('listitem').first().waitFor();

  // The seeded CAPAs' tasks and approval signatures are among the first entries.
  const tasks = trail.getByRole('rowheader', { name: 'Tasks', exact: true }).first();
  await tasks.waitFor();
  const taskCell = tasks.locator('xpath=..').getByRole('cell').last();
  expect(await taskCell.getByRole('term').allInnerTexts()).toEqual(
    expect.arrayContaining(['Title', 'Owner', 'Due']),
  );
  const signature = trail.getByRole('rowheader', { name: 'Signature', exact: true }).first();
  const signatureTerms = await signature
    .locator('xpath=..')
    .getByRole('cell')
    .last()
    .getByRole('term')
    .allInnerTexts();
  expect(signatureTerms.slice(0, 2)).toEqual(['Meaning', 'Printed name']);

  const cells = await trail.locator('td').allInnerTexts();
  expect(cells.filter((text) => /[{[]"|":/.test(text))).toEqual([]);

  // Every header's words each sit on one line: a header may wrap between words, never inside one.
  const brokenWords = await trail.locator('th').evaluateAll((headers) =>
    headers.flatMap((header) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(word[0]);
        }
      }
      return broken;
    }),
  );
  expect(brokenWords).toEqual([]);

  // Nothing wider than the page: no table scrolls sideways at 1280 px.
  const overflowing = await trail
    .locator('table')
    .evaluateAll((tables) => tables.filter((table) => table.scrollWidth > table.clientWidth + 1).length);
  expect(overflowing).toBe(0);

  await screenshot(page, 'audit-trail-1280', { fullPage: false });
  await tasks.scrollIntoViewIfNeeded();
  await screenshot(page, 'audit-trail-tasks-1280');
  expect(errors).toEqual([]);
  await context.close();
});
