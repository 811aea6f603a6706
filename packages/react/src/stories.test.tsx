/// <reference types="vite/client" />
// Stories double as fixtures: every story of every component renders, settles, and shows what its
// `parameters.shows` declares (testing/storyShows.ts). A story that declares nothing fails, so a
// new story has to say what it is for.
import { composeStories } from '@storybook/react-vite';
import { render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { expectShown, type Shown, storyShows } from './testing/storyShows';
import type { QmsStoryParameters } from './testing/withQms';

type StoryModule = Parameters<typeof composeStories>[0];
type ComposedStory = ComponentType & { parameters: Record<string, unknown> };
const modules = import.meta.glob<StoryModule>('./**/*.stories.tsx', { eager: true });

const loadingText = /^(Loading…|Wird geladen…)$/;
/** A story about loading says it shows the loading text (alone, or as the text of an element). */
const showsLoading = (shows: Shown[]) =>
  shows.some((shown) => typeof shown.text === 'string' && loadingText.test(shown.text));

/** Theme, language and styling the story asks of its provider (`parameters.qms`, or a host's own). */
function providerSettings(parameters: Record<string, unknown>): QmsStoryParameters {
  return {
    ...(parameters.host as QmsStoryParameters | undefined),
    ...(parameters.qms as QmsStoryParameters),
  };
}

describe.each(Object.entries(modules))('%s', (_, module) => {
  it('leaves what each story shows to the story itself, not its meta', () => {
    const meta = (module as { default?: { parameters?: Record<string, unknown> } }).default;
    expect(meta?.parameters?.shows).toBeUndefined();
  });

  // A composed story is a component that renders the story with its decorators and args.
  const stories = Object.entries(composeStories(module)) as [string, ComposedStory][];
  it.each(stories)('%s shows what it declares', async (_name, Story) => {
    const shows = storyShows(Story.parameters);
    render(<Story />);
    if (!showsLoading(shows)) {
      // Settled: nothing still loading.
      await waitFor(() => expect(screen.queryAllByText(loadingText)).toEqual([]), { timeout: 4000 });
    }
    await expectShown(shows);

    const { theme, locale, unstyled } = providerSettings(Story.parameters);
    if (unstyled) expect(document.body.querySelector('[class*="masetra-"]')).toBeNull();
    else if (theme)
      expect(document.body.querySelector('[data-masetra-theme]')?.getAttribute('data-masetra-theme')).toBe(
        theme,
      );
    if (locale === 'de') expect(document.body.querySelector('[lang]')?.getAttribute('lang')).toBe('de-DE');
  });
});
