import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { DocumentVersionHistory } from './DocumentVersionHistory';
import { sopVersionRecords, sopVersions } from './sopVersions.fixtures';

describe('DocumentVersionHistory', () => {
  it('lists every version of the number, oldest first, and opens another by keyboard', async () => {
    const user = userEvent.setup();
    const onOpenRecord = vi.fn();
    renderWithQms(<DocumentVersionHistory document={sopVersions.effective} onOpenRecord={onOpenRecord} />, {
      actor: 'dora',
      serverOptions: { records: sopVersionRecords },
    });
    const list = await screen.findByRole('list', { name: 'Versions of SOP-0001' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'SOP-0001 v1.0 Superseded effective from Apr 1, 2024',
      'SOP-0001 v2.0 (this version) Effective effective from Apr 1, 2026',
      'SOP-0001 v2.1 Draft no effective date yet',
    ]);
    expect(items[1]!.getAttribute('aria-current')).toBe('page');
    within(items[2]!).getByRole('button', { name: 'SOP-0001 v2.1' }).focus();
    await user.keyboard('{Enter}');
    expect(onOpenRecord).toHaveBeenCalledWith('document', sopVersions.draft.id);
    expect(screen.queryByRole('button', { name: 'Start revision' })).toBeNull();
  });

  it('starts a revision of the effective version with its reason, and opens the new draft', async () => {
    const user = userEvent.setup();
    const onOpenRecord = vi.fn();
    const { server } = renderWithQms(
      <DocumentVersionHistory document={sopVersions.effective} onOpenRecord={onOpenRecord} />,
      { actor: 'dora', serverOptions: { records: [sopVersions.superseded, sopVersions.effective] } },
    );
    await user.click(await screen.findByRole('button', { name: 'Start revision' }));
    await user.type(screen.getByLabelText('Why is it revised? (optional)'), 'New logger model');
    await user.click(screen.getByRole('button', { name: 'Start revision' }));
    await waitFor(() => expect(onOpenRecord).toHaveBeenCalledTimes(1));
    const draft = server.record(onOpenRecord.mock.calls[0]![1] as string) as typeof sopVersions.draft;
    expect([draft.number, draft.versionLabel, draft.state]).toEqual(['SOP-0001', '2.1', 'draft']);
    expect(server.requests.find((request) => request.path.endsWith('/revisions'))?.body).toEqual({
      reason: 'New logger model',
    });
    await screen.findByRole('button', { name: 'SOP-0001 v2.1' });
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<DocumentVersionHistory document={sopVersions.effective} />, {
      actor: 'dora',
      serverOptions: { records: [sopVersions.superseded, sopVersions.effective] },
    });
    await screen.findByRole('button', { name: 'Start revision' });
    expect(await seriousViolations(container)).toEqual([]);
  });
});
