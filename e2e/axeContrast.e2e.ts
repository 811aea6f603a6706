// The browser suite's contrast check catches text as dark as its background: axe files a 1:1
// ratio as "needs review", not as a violation, so the check counts measured failures among those.
import { AxeBuilder } from '@axe-core/playwright';
import { afterEach, expect, test } from 'vitest';
import { seriousViolations } from './support/axe';
import { chromiumForFile, openDemoPage } from './support/browser';

const browser = chromiumForFile();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** The sign-in page (no session needed) with buttons of given colours added to it. */
async function signInPageWith(buttons: { id: string; color: string; background: string }[]) {
  const { context, page } = await openDemoPage(browser(), 'axe-contrast');
  close = () => context.close();
  await page.goto('/sign-in');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.evaluate((added) => {
    for (const { id, color, background } of added) {
      const button = document.createElement('button');
      button.id = id;
      button.type = 'button';
      button.textContent = 'New deviation';
      button.style.cssText = `color: ${color}; background: ${background}; border: 0; padding: 8px 12px;`;
      document.querySelector('main, form, body')?.append(button);
    }
  }, buttons);
  return page;
}

test('a label in the colour of its button (1:1) is a serious colour violation', async () => {
  const page = await signInPageWith([
    { id: 'invisible-label', color: '#0b57d0', background: '#0b57d0' },
    { id: 'readable-label', color: '#ffffff', background: '#0b57d0' },
  ]);

  // axe alone only asks for a review of it: the gap the suite's check closes.
  const raw = await new AxeBuilder({ page }).setLegacyMode(true).withRules(['color-contrast']).analyze();
  expect(raw.violations.flatMap((result) => result.nodes.map((node) => node.target.join(' ')))).not.toContain(
    '#invisible-label',
  );
  const review = raw.incomplete
    .flatMap((result) => result.nodes)
    .find((node) => node.target.join(' ') === '#invisible-label');
  expect(review?.any.map((check) => (check.data as { messageKey?: string }).messageKey)).toContain(
    'equalRatio',
  );

  for (const scope of ['colour', 'every rule'] as const) {
    const contrast = (await seriousViolations(page, scope)).filter(
      (violation) => violation.id === 'color-contrast',
    );
    expect(contrast.flatMap((violation) => violation.targets)).toEqual(['#invisible-label']);
    expect(contrast.map((violation) => violation.impact)).toEqual(['serious']);
  }
});

test('a label just under the required ratio is reported, one just over it is not', async () => {
  const page = await signInPageWith([
    // #767676 on white is 4.54:1, #787878 on white is 4.42:1 (small text needs 4.5:1).
    { id: 'just-enough', color: '#767676', background: '#ffffff' },
    { id: 'too-faint', color: '#787878', background: '#ffffff' },
  ]);
  const contrast = (await seriousViolations(page, 'colour')).filter(
    (violation) => violation.id === 'color-contrast',
  );
  expect(contrast.flatMap((violation) => violation.targets)).toEqual(['#too-faint']);
});
