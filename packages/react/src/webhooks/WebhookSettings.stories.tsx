import type { Meta, StoryObj } from '@storybook/react-vite';
import { webhookHandlers } from '../testing/webhookHandlers';
import { withQms } from '../testing/withQms';
import { WebhookSettings } from './WebhookSettings';

const meta = {
  title: 'Settings/WebhookSettings',
  component: WebhookSettings,
  decorators: [withQms],
  parameters: { msw: { handlers: webhookHandlers() } },
} satisfies Meta<typeof WebhookSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An administrator's webhooks: one ERP endpoint, its events and actions, and the register form. */
export const Default: Story = {
  parameters: {
    shows: [
      { role: 'heading', level: 2, name: 'Webhooks' },
      { role: 'list', name: 'Webhook endpoints' },
      { text: 'https://erp.example.com/masetra/events' },
      { role: 'button', name: 'Rotate secret' },
      { role: 'checkbox', name: 'Deviation moved' },
      { role: 'button', name: 'Register endpoint' },
    ],
  },
};
export const NoEndpoints: Story = {
  parameters: {
    msw: { handlers: webhookHandlers({ endpoints: [] }) },
    shows: [{ text: 'No webhook endpoint is registered.' }],
  },
};
/** Anyone but an administrator: the server's 403, in words. */
export const NotAllowed: Story = {
  parameters: {
    msw: { handlers: webhookHandlers({ forbidden: true }) },
    shows: [{ role: 'alert' }],
  },
};
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', level: 2, name: 'Webhooks' },
      { role: 'button', name: 'Schlüssel erneuern' },
      { role: 'button', name: 'Endpunkt registrieren' },
    ],
  },
};
