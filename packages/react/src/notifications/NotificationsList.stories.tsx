import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { NotificationsList } from './NotificationsList';

const meta = {
  title: 'Overview/NotificationsList',
  component: NotificationsList,
  decorators: [withQms],
  args: { onOpenNotification: fn() },
} satisfies Meta<typeof NotificationsList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: {
    shows: [
      { role: 'heading', name: 'Notifications' },
      { role: 'listitem', count: 3 },
      { role: 'button', name: 'DEV-2026-0105 awaits your final approval' },
      // Two unread, each with its own button to mark it read.
      { role: 'button', name: /^Mark as read: /, count: 2 },
    ],
  },
};
export const Empty: Story = {
  parameters: {
    qms: { server: { notifications: [] } },
    shows: [{ text: 'No notifications.' }, { role: 'listitem', count: 0 }],
  },
};
export const Loading: Story = {
  parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } }, shows: [{ text: 'Loading…' }] },
};
/** The session has ended: the list says so and offers to try again. */
export const ServerError: Story = {
  parameters: {
    qms: { server: { failWith: { status: 401 } } },
    shows: [
      { role: 'alert', text: /^Your session has ended\. Sign in again\./ },
      { role: 'button', name: 'Try again' },
      { role: 'listitem', count: 0 },
    ],
  },
};
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', name: 'Benachrichtigungen' },
      { role: 'button', name: /^Als gelesen markieren: /, count: 2 },
    ],
  },
};
