import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { NotificationsList } from './NotificationsList';

describe('NotificationsList', () => {
  it('lists notifications newest first, opens one and marks it read', async () => {
    const user = userEvent.setup();
    const onOpenNotification = vi.fn();
    const { server } = renderWithQms(<NotificationsList onOpenNotification={onOpenNotification} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-unread'))).toEqual(['true', 'true', null]);
    expect(items[0]!.textContent).toContain('task “Restore the 6-month maintenance interval” is overdue');

    await user.click(screen.getByRole('button', { name: 'DEV-2026-0105 awaits your final approval' }));
    expect(onOpenNotification).toHaveBeenCalledWith(expect.objectContaining({ recordType: 'deviation' }));
    await waitFor(() => expect(server.requests.some((request) => request.path.endsWith('/read'))).toBe(true));
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((item) => item.getAttribute('data-unread'))).toEqual([
        'true',
        null,
        null,
      ]),
    );
  });

  it('shows the empty state', async () => {
    renderWithQms(<NotificationsList />, { serverOptions: { notifications: [] } });
    await screen.findByText('No notifications.');
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<NotificationsList onOpenNotification={() => {}} />);
    await screen.findAllByRole('listitem');
    expect(await seriousViolations(container)).toEqual([]);
  });
});
