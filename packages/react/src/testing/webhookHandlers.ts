// MSW handlers answering the webhook routes for stories and tests: the fixture server does not
// serve webhooks. Endpoints and deliveries live in memory per set of handlers.
import type { WebhookDelivery, WebhookEndpoint } from '@masetra/core';
import { FIXTURE_NOW } from '@masetra/fixtures';
import { type HttpHandler, HttpResponse, http } from 'msw';

const problem = (status: number, title: string, type: string) =>
  HttpResponse.json(
    { type: `https://masetra.dev/problems/${type}`, title, status },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/** An ERP's endpoint, enabled, receiving deviation moves. */
export const fixtureWebhook: WebhookEndpoint = {
  id: '00000000-0000-4000-a000-000000000001',
  url: 'https://erp.example.com/masetra/events',
  description: 'ERP quality gate',
  eventTypes: ['deviation.transitioned'],
  enabled: true,
  disabledReason: null,
  previousSecretExpiresAt: null,
  createdAt: '2026-04-01T09:00:00.000Z',
  updatedAt: '2026-04-01T09:00:00.000Z',
  version: 1,
};

/** Its log: a failed try answered 500, then the retry delivered. */
export const fixtureWebhookDeliveries: WebhookDelivery[] = [
  {
    id: '00000000-0000-4000-b000-000000000002',
    webhookId: '00000000-0000-4000-8000-000000000009',
    eventType: 'deviation.transitioned',
    recordNumber: 'DEV-2026-0101',
    status: 'delivered',
    attempt: 2,
    responseStatus: 200,
    durationMs: 84,
    error: null,
    at: '2026-04-15T10:00:02.000Z',
  },
  {
    id: '00000000-0000-4000-b000-000000000001',
    webhookId: '00000000-0000-4000-8000-000000000009',
    eventType: 'deviation.transitioned',
    recordNumber: 'DEV-2026-0101',
    status: 'failed',
    attempt: 1,
    responseStatus: 500,
    durationMs: 120,
    error: 'the receiver answered 500',
    at: '2026-04-15T10:00:00.000Z',
  },
];

export interface WebhookHandlerOptions {
  endpoints?: WebhookEndpoint[];
  deliveries?: WebhookDelivery[];
  /** Answer every webhook route with 403, as the server does for anyone but an administrator. */
  forbidden?: boolean;
}

const secretOf = (sequence: number) => `whsec_${btoa(`fixture secret number ${sequence} bytes!!`)}`;

export function webhookHandlers(options: WebhookHandlerOptions = {}): HttpHandler[] {
  const endpoints = new Map(
    (options.endpoints ?? [fixtureWebhook]).map((endpoint) => [endpoint.id, endpoint]),
  );
  const deliveries = options.deliveries ?? fixtureWebhookDeliveries;
  let sequence = 0;
  const forbidden = () => problem(403, 'Forbidden', 'forbidden');
  const notFound = () => problem(404, 'Not found', 'not-found');
  if (options.forbidden) return [http.all('*/webhooks*', forbidden)];
  return [
    http.get('*/webhooks', () => HttpResponse.json({ items: [...endpoints.values()] })),
    http.post('*/webhooks', async ({ request }) => {
      const input = (await request.json()) as { url: string; description?: string; eventTypes: string[] };
      sequence += 1;
      const endpoint: WebhookEndpoint = {
        ...fixtureWebhook,
        id: `00000000-0000-4000-a000-${String(100 + sequence).padStart(12, '0')}`,
        url: input.url,
        description: input.description ?? '',
        eventTypes: [...input.eventTypes].sort(),
        createdAt: FIXTURE_NOW,
        updatedAt: FIXTURE_NOW,
      };
      endpoints.set(endpoint.id, endpoint);
      return HttpResponse.json({ ...endpoint, secret: secretOf(sequence) }, { status: 201 });
    }),
    http.post('*/webhooks/:id/rotate-secret', ({ params }) => {
      const endpoint = endpoints.get(String(params.id));
      if (!endpoint) return notFound();
      sequence += 1;
      const rotated = {
        ...endpoint,
        previousSecretExpiresAt: '2026-04-16T12:00:00.000Z',
        version: endpoint.version + 1,
      };
      endpoints.set(rotated.id, rotated);
      return HttpResponse.json({ ...rotated, secret: secretOf(sequence) });
    }),
    http.get('*/webhooks/:id/deliveries', ({ params }) =>
      endpoints.has(String(params.id))
        ? HttpResponse.json({ items: params.id === fixtureWebhook.id ? deliveries : [], nextCursor: null })
        : notFound(),
    ),
    http.post('*/webhooks/:id/deliveries/:deliveryId/replay', ({ params }) => {
      const delivery = deliveries.find((candidate) => candidate.id === params.deliveryId);
      if (!endpoints.has(String(params.id)) || !delivery) return notFound();
      return HttpResponse.json(
        {
          webhookId: delivery.webhookId,
          eventType: delivery.eventType,
          outboxId: '00000000-0000-4000-9000-000000000077',
        },
        { status: 202 },
      );
    }),
    http.patch('*/webhooks/:id', async ({ params, request }) => {
      const endpoint = endpoints.get(String(params.id));
      if (!endpoint) return notFound();
      const changes = (await request.json()) as Partial<WebhookEndpoint>;
      const changed = { ...endpoint, ...changes, disabledReason: null, version: endpoint.version + 1 };
      endpoints.set(changed.id, changed);
      return HttpResponse.json(changed);
    }),
    http.delete('*/webhooks/:id', ({ params }) => {
      const endpoint = endpoints.get(String(params.id));
      if (!endpoint) return notFound();
      endpoints.delete(endpoint.id);
      return HttpResponse.json(endpoint);
    }),
  ];
}
