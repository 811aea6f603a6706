import * as z from 'zod/mini';
import {
  webhookDeliverySchema,
  webhookEndpointChangesSchema,
  webhookEndpointInputSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
  webhookReplaySchema,
} from '../webhooks/webhookEndpoint';
import { defineRoute } from './defineRoute';
import { pageOf, pageQuerySchema } from './listQuery';

const idParams = z.strictObject({ id: z.uuid() });

/** Outbound webhooks: an organization's administrators register endpoints and watch their deliveries. */
export const webhookRoutes = {
  listWebhooks: defineRoute({
    id: 'webhooks.list',
    kind: 'listWebhooks',
    method: 'GET',
    path: '/webhooks',
    summary: "The organization's webhook endpoints, without their secrets (administrators)",
    tags: ['webhooks'],
    response: z.object({ items: z.array(webhookEndpointSchema) }),
    successStatus: 200,
    problems: [401, 403],
  }),
  createWebhook: defineRoute({
    id: 'webhooks.create',
    kind: 'createWebhook',
    method: 'POST',
    path: '/webhooks',
    summary:
      'Register an endpoint for event types; the answer carries its signing secret, shown this once (administrators; audited)',
    tags: ['webhooks'],
    body: webhookEndpointInputSchema,
    response: webhookEndpointWithSecretSchema,
    successStatus: 201,
    idempotent: true,
    problems: [400, 401, 403, 409, 413, 415, 422],
  }),
  updateWebhook: defineRoute({
    id: 'webhooks.update',
    kind: 'updateWebhook',
    method: 'PATCH',
    path: '/webhooks/{id}',
    summary: 'Change an endpoint: URL, event types, enabled (administrators; If-Match; audited)',
    tags: ['webhooks'],
    params: idParams,
    body: webhookEndpointChangesSchema,
    response: webhookEndpointSchema,
    successStatus: 200,
    requiresIfMatch: true,
    problems: [400, 401, 403, 404, 412, 413, 415, 422, 428],
  }),
  deleteWebhook: defineRoute({
    id: 'webhooks.delete',
    kind: 'deleteWebhook',
    method: 'DELETE',
    path: '/webhooks/{id}',
    summary: 'Delete an endpoint and its delivery log (administrators; If-Match; audited)',
    tags: ['webhooks'],
    params: idParams,
    response: webhookEndpointSchema,
    successStatus: 200,
    requiresIfMatch: true,
    problems: [400, 401, 403, 404, 412, 428],
  }),
  rotateWebhookSecret: defineRoute({
    id: 'webhooks.rotateSecret',
    kind: 'rotateWebhookSecret',
    method: 'POST',
    path: '/webhooks/{id}/rotate-secret',
    summary:
      'A new signing secret, shown this once; for 24 hours deliveries carry a signature by the old one too (administrators; audited)',
    tags: ['webhooks'],
    params: idParams,
    response: webhookEndpointWithSecretSchema,
    successStatus: 200,
    problems: [400, 401, 403, 404],
  }),
  webhookDeliveries: defineRoute({
    id: 'webhooks.deliveries.list',
    kind: 'webhookDeliveries',
    method: 'GET',
    path: '/webhooks/{id}/deliveries',
    summary:
      "An endpoint's delivery log, newest first: status, response code, duration, try (administrators)",
    tags: ['webhooks'],
    params: idParams,
    query: pageQuerySchema,
    response: pageOf(webhookDeliverySchema),
    successStatus: 200,
    problems: [400, 401, 403, 404],
  }),
  replayWebhookDelivery: defineRoute({
    id: 'webhooks.deliveries.replay',
    kind: 'replayWebhookDelivery',
    method: 'POST',
    path: '/webhooks/{id}/deliveries/{deliveryId}/replay',
    summary:
      "Send a delivery's event to the endpoint again, with the same webhook-id (administrators; audited)",
    tags: ['webhooks'],
    params: z.strictObject({ id: z.uuid(), deliveryId: z.uuid() }),
    response: webhookReplaySchema,
    successStatus: 202,
    problems: [400, 401, 403, 404, 409],
  }),
};
