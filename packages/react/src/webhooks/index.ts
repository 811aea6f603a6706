export type { WebhookSettingsProps, WebhookSettingsSlot } from './WebhookSettings';
export { WebhookSettings } from './WebhookSettings';
