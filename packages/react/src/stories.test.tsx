/// <reference types="vite/client" />
// Stories double as fixtures: every story of every component renders, and settles without an error.
import { composeStories } from '@storybook/react-vite';
import { render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';

type StoryModule = Parameters<typeof composeStories>[0];
const modules = import.meta.glob<StoryModule>('./**/*.stories.tsx', { eager: true });

describe.each(Object.entries(modules))('%s', (_, module) => {
  // A composed story is a component that renders the story with its decorators and args.
  const stories = Object.entries(composeStories(module)) as [string, ComponentType][];
  it.each(stories)('%s renders', async (name, Story) => {
    const { container, unmount } = render(<Story />);
    const failed = name === 'ServerError' || name === 'NotFound';
    if (!name.startsWith('Loading')) {
      // Settled: nothing still loading (a story meant to fail shows its alert).
      await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull(), { timeout: 4000 });
    }
    if (failed) expect(screen.getAllByRole('alert').length).toBeGreaterThan(0);
    expect(container.innerHTML.length + document.body.innerHTML.length).toBeGreaterThan(0);
    unmount();
  });
});
