// axe-core's verdict on a page of the demo, with one thing axe leaves to a person made a failure:
// text whose colour axe measured as too close to its background while axe filed it "needs
// review" instead of as a violation. axe does that whenever the ratio is exactly 1:1 (it guesses
// the text is hidden on purpose), which is how a blue "New deviation" label on a blue button
// passed every run.
import { AxeBuilder } from '@axe-core/playwright';
import type { NodeResult, Result } from 'axe-core';
import type { Page } from 'playwright-core';

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export const everyRule = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const colourRules = ['color-contrast', 'link-in-text-block'];

/** What axe's colour-contrast check records about one text node. */
interface ContrastData {
  fgColor?: string;
  bgColor?: string;
  contrastRatio?: number;
  /** e.g. `4.5:1`. */
  expectedContrastRatio?: string;
  /** Why axe did not decide: `equalRatio` (1:1), `bgImage`, `elmPartiallyObscured`, … */
  messageKey?: string;
}

/**
 * A contrast left for review that is a failure all the same: axe measured both colours and
 * their ratio is below the one the text needs. Nodes axe could not measure (text over an image,
 * under another element, clipped by `overflow`) stay out: there is no ratio to judge.
 */
export function isMeasuredContrastFailure(node: NodeResult): boolean {
  return node.any.some((check) => {
    const data = check.data as ContrastData | null;
    if (!data?.fgColor || !data.bgColor || typeof data.contrastRatio !== 'number') return false;
    const expected = Number.parseFloat(data.expectedContrastRatio ?? '');
    return Number.isFinite(expected) && data.contrastRatio < expected;
  });
}

function asViolation(result: Result, nodes: NodeResult[]): Violation {
  return {
    id: result.id,
    impact: result.impact ?? '',
    help: result.help,
    targets: nodes.map((node) => node.target.join(' ')),
  };
}

/** The serious and critical violations on the page, for every rule or for the colour rules only. */
export async function seriousViolations(page: Page, scope: 'every rule' | 'colour'): Promise<Violation[]> {
  // Legacy mode runs axe in the page itself; the default opens a page per run to merge frames (no frames here).
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  const results = await (scope === 'colour'
    ? builder.withRules(colourRules)
    : builder.withTags(everyRule)
  ).analyze();
  const violations = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => asViolation(violation, violation.nodes));
  for (const review of results.incomplete.filter((result) => result.id === 'color-contrast')) {
    const failing = review.nodes.filter(isMeasuredContrastFailure);
    // color-contrast is a serious rule; axe sets no impact on a result it left for review.
    if (failing.length > 0) violations.push({ ...asViolation(review, failing), impact: 'serious' });
  }
  return violations;
}
