// What a story must show, declared in its `parameters.shows` and checked by `stories.test.tsx`
// with Testing Library's queries: the stories double as test fixtures, and a story that renders
// something else than it claims (or nothing) fails.

import { type ByRoleOptions, screen, waitFor } from '@testing-library/react';

type Matcher = string | RegExp;

/**
 * One thing a story shows: an element found by its ARIA role (and accessible name, description,
 * heading level) or by its text. `text` beside `role` matches the element's whole text content.
 * Without `count` at least one must be there; `count: 0` says it must not be.
 *
 * @example
 * parameters: {
 *   shows: [
 *     { role: 'heading', level: 2, name: 'DEV-2026-0101 Temperature excursion in cold room 2' },
 *     { role: 'button', name: 'Submit', disabled: true, description: 'Missing: Severity.' },
 *     { role: 'alert', text: /could not be loaded/ },
 *     { text: 'Loading…' },
 *   ],
 * }
 */
export type Shown =
  | {
      role: string;
      name?: Matcher;
      description?: Matcher;
      level?: number;
      /** The element's text content, whitespace collapsed: equal to a string, or matching a RegExp. */
      text?: Matcher;
      /** Unavailable (`disabled` or `aria-disabled="true"`), or available. */
      disabled?: boolean;
      count?: number;
    }
  | { text: Matcher; count?: number };

const roleKeys = new Set(['role', 'name', 'description', 'level', 'text', 'disabled', 'count']);
const textKeys = new Set(['text', 'count']);

/** The story's `parameters.shows`, checked for shape: a story must declare at least one thing. */
export function storyShows(parameters: Record<string, unknown>): Shown[] {
  const shows = parameters.shows;
  if (!Array.isArray(shows) || shows.length === 0) {
    throw new Error(
      'The story declares no `parameters.shows`: say what it must show (see testing/storyShows.ts).',
    );
  }
  for (const shown of shows as Record<string, unknown>[]) {
    const allowed = 'role' in shown ? roleKeys : textKeys;
    const unknown = Object.keys(shown).filter((key) => !allowed.has(key));
    if (unknown.length > 0 || !('role' in shown || 'text' in shown)) {
      throw new Error(`Not an expectation of parameters.shows: ${describeShown(shown as Shown)}`);
    }
  }
  return shows as Shown[];
}

const normalized = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
const matches = (value: string, matcher: Matcher) =>
  typeof matcher === 'string' ? value === matcher : matcher.test(value);
const isDisabled = (element: Element) =>
  element.getAttribute('aria-disabled') === 'true' || (element as HTMLButtonElement).disabled === true;

/** The elements of the document that fit one expectation. */
function found(shown: Shown): HTMLElement[] {
  if (!('role' in shown)) return screen.queryAllByText(shown.text);
  const options: ByRoleOptions = {};
  if (shown.name !== undefined) options.name = shown.name;
  if (shown.description !== undefined) options.description = shown.description;
  if (shown.level !== undefined) options.level = shown.level;
  return screen
    .queryAllByRole(shown.role, options)
    .filter((element) => shown.text === undefined || matches(normalized(element), shown.text))
    .filter((element) => shown.disabled === undefined || isDisabled(element) === shown.disabled);
}

export function describeShown(shown: Shown): string {
  return JSON.stringify(shown, (_, value: unknown) => (value instanceof RegExp ? String(value) : value));
}

/**
 * Waits until the document shows each expectation (those that must be there first, then those
 * that must not, so an absence is judged on the settled page).
 */
export async function expectShown(shows: readonly Shown[]): Promise<void> {
  const ordered = [...shows].sort((a, b) => Number(a.count === 0) - Number(b.count === 0));
  for (const shown of ordered) {
    await waitFor(() => {
      const count = found(shown).length;
      if (shown.count === undefined ? count === 0 : count !== shown.count) {
        throw new Error(`Expected ${shown.count ?? 'at least 1'}, found ${count}: ${describeShown(shown)}`);
      }
    });
  }
}
