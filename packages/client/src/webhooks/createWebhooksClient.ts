import { webhookRoutes } from '@masetra/core';
import type { CreateOptions, RequestOptions, RouteBody, RouteQuery, RouteResponse } from '../contractTypes';
import type { Transport } from '../internal/transport';

type Routes = typeof webhookRoutes;

/** Options of a change to a webhook endpoint: the version it is based on, sent as `If-Match`. */
export interface WebhookVersion extends RequestOptions {
  version: number;
}

/**
 * Outbound webhooks of the caller's organization (administrators): endpoints, their secrets
 * (shown once, on registration and rotation), their delivery logs and replays.
 */
export interface WebhooksClient {
  list(options?: RequestOptions): Promise<RouteResponse<Routes['listWebhooks']>>;
  /** Registers an endpoint; the answer's `secret` is never shown again. */
  create(
    input: RouteBody<Routes['createWebhook']>,
    options?: CreateOptions,
  ): Promise<RouteResponse<Routes['createWebhook']>>;
  update(
    id: string,
    changes: RouteBody<Routes['updateWebhook']>,
    options: WebhookVersion,
  ): Promise<RouteResponse<Routes['updateWebhook']>>;
  /** Deletes an endpoint and its delivery log; answers what was deleted. */
  delete(id: string, options: WebhookVersion): Promise<RouteResponse<Routes['deleteWebhook']>>;
  /** A new secret, shown this once; the old one signs beside it for a day. */
  rotateSecret(id: string, options?: RequestOptions): Promise<RouteResponse<Routes['rotateWebhookSecret']>>;
  /** The endpoint's delivery log, newest first, a page at a time. */
  deliveries(
    id: string,
    query?: RouteQuery<Routes['webhookDeliveries']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['webhookDeliveries']>>;
  /** Sends a delivery's event again, with the same `webhook-id`. */
  replay(
    id: string,
    deliveryId: string,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['replayWebhookDelivery']>>;
}

export function createWebhooksClient(send: Transport): WebhooksClient {
  const routes = webhookRoutes;
  return {
    list: async (options) => (await send(routes.listWebhooks, { ...options })).data,
    create: async (input, options) => (await send(routes.createWebhook, { ...options, body: input })).data,
    update: async (id, changes, { version, ...options }) =>
      (await send(routes.updateWebhook, { ...options, params: { id }, body: changes, ifMatch: version }))
        .data,
    delete: async (id, { version, ...options }) =>
      (await send(routes.deleteWebhook, { ...options, params: { id }, ifMatch: version })).data,
    rotateSecret: async (id, options) =>
      (await send(routes.rotateWebhookSecret, { ...options, params: { id } })).data,
    deliveries: async (id, query, options) =>
      (await send(routes.webhookDeliveries, { ...options, params: { id }, query })).data,
    replay: async (id, deliveryId, options) =>
      (await send(routes.replayWebhookDelivery, { ...options, params: { id, deliveryId } })).data,
  };
}
