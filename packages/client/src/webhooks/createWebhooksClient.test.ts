import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient } from '../createClient';
import { isClientValidationError } from '../errors/ClientValidationError';
import { baseUrl, url, useMockServer } from '../internal/testing/mockServer';

const server = useMockServer();
const setup = () => createClient({ baseUrl, getToken: () => 'token-1', retry: 0 });
const endpoint = {
  id: '6f1c2a4e-8a61-4d47-9b8e-0c2f5b0c1a01',
  url: 'https://erp.example.com/hooks',
  description: '',
  eventTypes: ['deviation.transitioned'],
  enabled: true,
  disabledReason: null,
  previousSecretExpiresAt: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  version: 2,
};

describe('webhooks', () => {
  it('registers an endpoint and hands back its secret; bad event types are refused before sending', async () => {
    let body: unknown;
    server.use(
      http.post(url('/webhooks'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ ...endpoint, version: 1, secret: 'whsec_c2VjcmV0' }, { status: 201 });
      }),
    );
    const created = await setup().webhooks.create({
      url: endpoint.url,
      eventTypes: ['deviation.transitioned'],
    });
    expect(body).toEqual({ url: endpoint.url, eventTypes: ['deviation.transitioned'] });
    expect(created.secret).toBe('whsec_c2VjcmV0');
    await expect(
      setup().webhooks.create({ url: endpoint.url, eventTypes: ['not an event type'] }),
    ).rejects.toSatisfy(isClientValidationError);
  });

  it('sends If-Match with changes and deletions, and pages the delivery log', async () => {
    const ifMatch: (string | null)[] = [];
    let query = '';
    server.use(
      http.patch(url(`/webhooks/${endpoint.id}`), ({ request }) => {
        ifMatch.push(request.headers.get('if-match'));
        return HttpResponse.json({ ...endpoint, enabled: false, version: 3 });
      }),
      http.delete(url(`/webhooks/${endpoint.id}`), ({ request }) => {
        ifMatch.push(request.headers.get('if-match'));
        return HttpResponse.json(endpoint);
      }),
      http.get(url(`/webhooks/${endpoint.id}/deliveries`), ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );
    const client = setup();
    expect((await client.webhooks.update(endpoint.id, { enabled: false }, { version: 2 })).enabled).toBe(
      false,
    );
    await client.webhooks.delete(endpoint.id, { version: 3 });
    expect(ifMatch).toEqual(['"2"', '"3"']);
    expect(await client.webhooks.deliveries(endpoint.id, { limit: 10 })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(query).toBe('?limit=10');
  });
});
