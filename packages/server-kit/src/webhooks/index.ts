/** Outbound webhooks: endpoints per organization, signed deliveries from the outbox, a delivery log. */

export { createWebhookDelivery, type WebhookDeliveryOptions } from './createWebhookDelivery';
export type { DisabledWebhookEndpoint } from './disableFailingEndpoint';
export {
  WEBHOOK_DELIVERY_EVENT,
  type WebhookDeliveryPayload,
  webhookDestinations,
} from './webhookDestinations';
export { webhookHandlers } from './webhookRouteHandlers';
export { WEBHOOK_TRAIL_TYPE } from './webhookTrail';
