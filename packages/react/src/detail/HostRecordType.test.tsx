// The host's change control, from its stories: its own section and a badge read off its tags.
import { composeStories } from '@storybook/react-vite';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../testing/renderWithQms';
import * as stories from './HostRecordType.stories';

const { ChangeControlDraft, ChangeControlInReview, ChangeControlGerman } = composeStories(stories);

const header = async () => (await screen.findByRole('heading', { level: 2 })).closest('header')!;

describe('RecordDetail of a host-registered record type', () => {
  it('shows the host’s own section, the draft badge and the move its lifecycle offers the originator', async () => {
    const { container } = render(<ChangeControlDraft />);
    const top = await header();
    expect(within(top).getByRole('heading', { level: 2 }).textContent).toBe(
      'CC-2026-0001 Replace tablet press 2',
    );
    const badge = within(top).getByText('Draft');
    expect(badge.dataset.kind).toBe('initial');
    expect(within(top).getByRole('button', { name: 'Submit' }).getAttribute('aria-disabled')).toBeNull();

    const impact = screen.getByRole('region', { name: 'Impact assessment' });
    expect(within(impact).getByText('High').dataset.risk).toBe('high');
    expect(within(impact).getByText(/^End of vendor support/).textContent).toBe(
      stories.fixtureChangeControls.draft.justification,
    );
    const nav = within(top).getByRole('navigation', { name: 'Parts of this record' });
    expect(within(nav).getByRole('link', { name: 'Impact assessment' }).getAttribute('href')).toBe(
      `#${impact.id}`,
    );
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('reads the review state as awaiting approval from its tag, and offers the approver the signed move', async () => {
    render(<ChangeControlInReview />);
    const top = await header();
    expect(within(top).getByText('In review').dataset.kind).toBe('approval');
    expect(within(top).getByRole('button', { name: 'Approve' }).dataset.variant).toBe('primary');
    const impact = screen.getByRole('region', { name: 'Impact assessment' });
    expect(within(impact).getByText('Low').dataset.risk).toBe('low');
  });

  it('speaks German with the host’s own German words', async () => {
    render(<ChangeControlGerman />);
    const top = await header();
    expect(within(top).getByText('In Prüfung').dataset.kind).toBe('approval');
    const impact = screen.getByRole('region', { name: 'Folgenabschätzung' });
    expect(
      within(impact)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Risikoklasse', 'Begründung der Änderung']);
    const nav = within(top).getByRole('navigation', { name: 'Teile dieses Datensatzes' });
    expect(within(nav).getByRole('link', { name: 'Folgenabschätzung' }).getAttribute('href')).toBe(
      `#${impact.id}`,
    );
  });
});
