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

export const Default: Story = {};
export const Empty: Story = { parameters: { qms: { server: { notifications: [] } } } };
export const Loading: Story = { parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } } } };
export const ServerError: Story = { parameters: { qms: { server: { failWith: { status: 401 } } } } };
export const German: Story = { parameters: { qms: { locale: 'de' } } };
