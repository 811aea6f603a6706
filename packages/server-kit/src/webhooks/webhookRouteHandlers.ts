import type { RouteKind } from '@masetra/core';
import type { RequestContext } from '../http/KitContext';
import {
  createWebhookHandler,
  deleteWebhookHandler,
  listWebhooksHandler,
  replayWebhookDeliveryHandler,
  rotateWebhookSecretHandler,
  updateWebhookHandler,
  webhookDeliveriesHandler,
} from './webhookHandlers';

/** The handlers of the webhook route kinds. */
export const webhookHandlers = {
  listWebhooks: listWebhooksHandler,
  createWebhook: createWebhookHandler,
  updateWebhook: updateWebhookHandler,
  deleteWebhook: deleteWebhookHandler,
  rotateWebhookSecret: rotateWebhookSecretHandler,
  webhookDeliveries: webhookDeliveriesHandler,
  replayWebhookDelivery: replayWebhookDeliveryHandler,
} satisfies Partial<Record<RouteKind, (context: RequestContext) => Promise<Response>>>;
