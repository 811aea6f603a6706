/**
 * Outbound webhooks against a listening kit and a real HTTP receiver in this process: an
 * administrator registers an endpoint (its secret shown once), a domain event becomes one outbox
 * copy per subscribed endpoint, and the receiver gets it signed by the Standard Webhooks rules,
 * which the reference library (`standardwebhooks`) verifies. A receiver answering 500 gets
 * retries until it succeeds; a replay re-sends the same `webhook-id`; a rotation signs with both
 * secrets; an endpoint failing past the retry limit is disabled and its administrators told.
 * Private addresses are refused without the kit's flag; non-administrators get 403 and another
 * organization's endpoint is as absent as none. Both drivers.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from '../http/testing/startTestKit';
import { createOutboxWorker } from '../outbox/createOutboxWorker';
import { fanOutOutboxEvent } from '../outbox/fanOutOutboxEvent';
import type { DomainEvent } from '../services/QmsOptions';
import { createWebhookDelivery } from './createWebhookDelivery';
import type { DisabledWebhookEndpoint } from './disableFailingEndpoint';
import { WEBHOOK_DELIVERY_EVENT, webhookDestinations } from './webhookDestinations';
import { withWebhooks } from './webhookTables';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver: what each path got, and how each path answers (200 unless told). */
const received = new Map<string, Received[]>();
const answers = new Map<string, number[]>();
let receiver: Server;
let receiverUrl: string;
const webhookOptions = { allowPrivateAddresses: true };
let kit: TestKit;
const MAX_ATTEMPTS = 4;
/** What the host's hook heard of endpoints the server gave up on. */
const disabledNotices: DisabledWebhookEndpoint[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const path = request.url ?? '/';
      received.set(path, [...(received.get(path) ?? []), { headers: request.headers, body }]);
      response.statusCode = answers.get(path)?.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // The same object the kit holds: the private-address test turns the flag off for a moment.
  kit = await startTestKit({ qms: { webhooks: webhookOptions } });
}, kitStartTimeout);
afterAll(async () => {
  await kit?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** The reference server's delivery, in small: domain events fan out to webhooks, webhook copies are sent. */
function worker() {
  const deliverWebhook = createWebhookDelivery({
    db: kit.storage.db,
    allowPrivateAddresses: true,
    maxAttempts: MAX_ATTEMPTS,
    onEndpointDisabled: async (_trx, disabled) => {
      disabledNotices.push(disabled);
    },
  });
  return createOutboxWorker({
    storage: kit.storage,
    retry: { baseDelayMs: 0, maxAttempts: MAX_ATTEMPTS },
    deliver: async (event) => {
      if (event.type === WEBHOOK_DELIVERY_EVENT) return deliverWebhook(event);
      await fanOutOutboxEvent(kit.storage.db, event, {
        destinations: await webhookDestinations(kit.storage.db, event.payload as DomainEvent),
      });
    },
  });
}

/** Drains until nothing is left to try (failed copies are due again at once without backoff). */
async function deliverAll(): Promise<void> {
  const outbox = worker();
  for (let round = 0; round < MAX_ATTEMPTS + 2; round += 1) {
    const { delivered, failed } = await outbox.drain();
    if (delivered + failed === 0) return;
  }
}

async function register(path: string, eventTypes = ['deviation.created']) {
  const created = await kit.as('adam')('/webhooks', {
    method: 'POST',
    body: { url: `${receiverUrl}${path}`, eventTypes, description: `receiver ${path}` },
  });
  expect(created.status, created.text).toBe(201);
  return created.json as { id: string; secret: string; version: number };
}

function verify(secret: string, request: Received) {
  return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
}

describe('outbound webhooks', () => {
  it('registers an endpoint with a secret shown once and delivers a signed event that verifies', async () => {
    const endpoint = await register('/signed');
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(endpoint.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);

    const listed = await kit.as('adam')('/webhooks');
    expect(listed.status).toBe(200);
    const shown = listed.json.items.find((item: { id: string }) => item.id === endpoint.id);
    expect(shown).toMatchObject({ eventTypes: ['deviation.created'], enabled: true, version: 1 });
    expect(listed.text).not.toContain(endpoint.secret.slice(6));

    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await deliverAll();
    const [delivery] = received.get('/signed') ?? [];
    if (!delivery) throw new Error('the receiver got nothing');
    expect(verify(endpoint.secret, delivery)).toMatchObject({
      type: 'deviation.created',
      data: {
        organization: 'org-a',
        recordType: 'deviation',
        id: deviation.id,
        number: deviation.number,
        event: 'created',
        actor: 'olivia',
      },
    });
    const event = kit.events.find((candidate) => candidate.recordId === deviation.id);
    expect(delivery.headers['webhook-id']).toBe(event?.id);
    expect(Number(delivery.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    // Signed by another secret, the same delivery does not verify.
    expect(() => verify(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, delivery)).toThrow();

    const log = await kit.as('adam')(`/webhooks/${endpoint.id}/deliveries`);
    expect(log.status, log.text).toBe(200);
    expect(log.json.items).toEqual([
      expect.objectContaining({
        webhookId: event?.id,
        eventType: 'deviation.created',
        recordNumber: deviation.number,
        status: 'delivered',
        attempt: 1,
        responseStatus: 200,
      }),
    ]);
  });

  it('retries a receiver that answered 500 until it succeeds, logging each try', async () => {
    const endpoint = await register('/flaky');
    answers.set('/flaky', [500, 500]);
    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await deliverAll();
    const tries = received.get('/flaky') ?? [];
    expect(tries).toHaveLength(3);
    // One event: the same webhook-id on every try, and each signature verifies.
    expect(new Set(tries.map((request) => request.headers['webhook-id'])).size).toBe(1);
    for (const request of tries) expect(() => verify(endpoint.secret, request)).not.toThrow();

    const log = await kit.as('adam')(`/webhooks/${endpoint.id}/deliveries`);
    expect(
      log.json.items.map((item: { status: string; responseStatus: number; attempt: number }) => [
        item.status,
        item.responseStatus,
        item.attempt,
      ]),
    ).toEqual([
      ['delivered', 200, 3],
      ['failed', 500, 2],
      ['failed', 500, 1],
    ]);
  });

  it('replays a delivery with the same webhook-id, audited', async () => {
    const endpoint = await register('/replayed');
    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await deliverAll();
    const log = await kit.as('adam')(`/webhooks/${endpoint.id}/deliveries`);
    const [first] = log.json.items;
    const replayed = await kit.as('adam')(`/webhooks/${endpoint.id}/deliveries/${first.id}/replay`, {
      method: 'POST',
    });
    expect(replayed.status, replayed.text).toBe(202);
    expect(replayed.json).toMatchObject({ webhookId: first.webhookId, eventType: 'deviation.created' });
    await deliverAll();
    const requests = received.get('/replayed') ?? [];
    expect(requests.map((request) => request.headers['webhook-id'])).toEqual([
      first.webhookId,
      first.webhookId,
    ]);
    expect(requests[0]?.body).toBe(requests[1]?.body);

    const trail = await kit.as('adam')(`/audit-trail?recordType=webhook_endpoint&recordId=${endpoint.id}`);
    expect(trail.status, trail.text).toBe(200);
    expect(trail.json.items.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'create',
      'replay',
    ]);
  });

  it('signs with both secrets during a rotation, and each verifies', async () => {
    const endpoint = await register('/rotated');
    const rotated = await kit.as('adam')(`/webhooks/${endpoint.id}/rotate-secret`, { method: 'POST' });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.json.secret).not.toBe(endpoint.secret);
    expect(rotated.json.version).toBe(2);
    expect(Date.parse(rotated.json.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);

    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await deliverAll();
    const [delivery] = received.get('/rotated') ?? [];
    if (!delivery) throw new Error('the receiver got nothing');
    expect(String(delivery.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => verify(endpoint.secret, delivery)).not.toThrow();
    expect(() => verify(rotated.json.secret, delivery)).not.toThrow();
    // The trail records the rotation, never a secret.
    const trail = await kit.as('adam')(`/audit-trail?recordType=webhook_endpoint&recordId=${endpoint.id}`);
    expect(trail.text).not.toContain(endpoint.secret.slice(6));
    expect(trail.text).not.toContain(rotated.json.secret.slice(6));
  });

  it('only sends the event types an endpoint subscribed to', async () => {
    await register('/updates-only', ['deviation.updated']);
    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await deliverAll();
    expect(received.get('/updates-only')).toBeUndefined();
  });

  it('disables an endpoint failing past the retry limit, dead-letters the copy and tells the administrators', async () => {
    // The directory the notice reads administrators from: the kit's own users and their roles.
    await kit.storage.db.insertInto('organizations').values({ id: 'org-a', name: 'Acme' }).execute();
    await kit.storage.db
      .insertInto('users')
      .values({ id: 'adam', org_id: 'org-a', email: 'adam@example.test', display_name: 'Adam Admin' })
      .execute();
    await kit.storage.db.insertInto('user_roles').values({ user_id: 'adam', role: 'admin' }).execute();
    const endpoint = await register('/down');
    answers.set('/down', Array(MAX_ATTEMPTS + 5).fill(500));
    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await deliverAll();
    expect(received.get('/down')).toHaveLength(MAX_ATTEMPTS);

    const listed = await kit.as('adam')('/webhooks');
    const shown = listed.json.items.find((item: { id: string }) => item.id === endpoint.id);
    expect(shown).toMatchObject({ enabled: false, version: 2 });
    expect(shown.disabledReason).toContain('answered 500');
    const dead = await kit.storage.db
      .selectFrom('outbox')
      .select(['dead_at', 'payload'])
      .where('type', '=', WEBHOOK_DELIVERY_EVENT)
      .where('dead_at', 'is not', null)
      .execute();
    expect(
      dead.filter((row) => (row.payload as { endpointId: string }).endpointId === endpoint.id),
    ).toHaveLength(1);
    const notified = await kit.storage.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', 'adam')
      .where('kind', '=', 'webhook.disabled')
      .execute();
    expect(notified).toHaveLength(1);
    expect(notified[0]?.title).toContain('/down');
    // The host's hook ran in the same transaction, naming the administrators told.
    expect(disabledNotices).toEqual([
      expect.objectContaining({
        endpointId: endpoint.id,
        url: `${receiverUrl}/down`,
        administratorIds: ['adam'],
      }),
    ]);

    // Disabled, it gets nothing more, and a replay is refused until it is enabled again.
    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await deliverAll();
    expect(received.get('/down')).toHaveLength(MAX_ATTEMPTS);
    const log = await kit.as('adam')(`/webhooks/${endpoint.id}/deliveries`);
    const replay = await kit.as('adam')(
      `/webhooks/${endpoint.id}/deliveries/${log.json.items[0].id}/replay`,
      {
        method: 'POST',
      },
    );
    expect(replay.status).toBe(409);
    const enabled = await kit.as('adam')(`/webhooks/${endpoint.id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"2"' },
      body: { enabled: true },
    });
    expect(enabled.status, enabled.text).toBe(200);
    expect(enabled.json).toMatchObject({ enabled: true, disabledReason: null, version: 3 });
  });

  it('refuses private and loopback addresses unless the kit allows them', async () => {
    webhookOptions.allowPrivateAddresses = false;
    try {
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://10.0.0.5/hook',
        'http://169.254.169.254/latest',
        'http://[::1]/hook',
        'http://localhost/hook',
      ]) {
        const refused = await kit.as('adam')('/webhooks', {
          method: 'POST',
          body: { url, eventTypes: ['deviation.created'] },
        });
        expect(refused.status, url).toBe(422);
        expect(refused.json.errors?.[0]?.pointer).toBe('/url');
      }
    } finally {
      webhookOptions.allowPrivateAddresses = true;
    }
    // At delivery too: a worker without the flag does not connect to the loopback receiver.
    const endpoint = await register('/private');
    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const strict = createWebhookDelivery({ db: kit.storage.db, maxAttempts: MAX_ATTEMPTS });
    const outbox = createOutboxWorker({
      storage: kit.storage,
      retry: { baseDelayMs: 60_000, maxAttempts: MAX_ATTEMPTS },
      deliver: async (event) => {
        if (event.type === WEBHOOK_DELIVERY_EVENT) return strict(event);
        await fanOutOutboxEvent(kit.storage.db, event, {
          destinations: await webhookDestinations(kit.storage.db, event.payload as DomainEvent),
        });
      },
    });
    await outbox.drain();
    expect(received.get('/private')).toBeUndefined();
    const log = await kit.as('adam')(`/webhooks/${endpoint.id}/deliveries`);
    expect(log.json.items[0]).toMatchObject({ status: 'failed', responseStatus: null });
    expect(log.json.items[0].error).toMatch(/private, loopback or link-local/);
  });

  it('changes and deletes an endpoint with If-Match, each audited; the secret is never in the trail', async () => {
    const endpoint = await register('/changed');
    const withoutIfMatch = await kit.as('adam')(`/webhooks/${endpoint.id}`, {
      method: 'PATCH',
      body: { description: 'x' },
    });
    expect(withoutIfMatch.status).toBe(428);
    const stale = await kit.as('adam')(`/webhooks/${endpoint.id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"7"' },
      body: { description: 'x' },
    });
    expect(stale.status).toBe(412);
    const changed = await kit.as('adam')(`/webhooks/${endpoint.id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"1"' },
      body: { eventTypes: ['capa.transitioned', 'deviation.transitioned'], enabled: false },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({
      eventTypes: ['capa.transitioned', 'deviation.transitioned'],
      enabled: false,
      version: 2,
    });
    expect(changed.json.secret).toBeUndefined();
    const bad = await kit.as('adam')(`/webhooks/${endpoint.id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"2"' },
      body: { eventTypes: ['not an event'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors?.[0]?.pointer).toBe('/eventTypes/0');
    const deleted = await kit.as('adam')(`/webhooks/${endpoint.id}`, {
      method: 'DELETE',
      headers: { 'if-match': '"2"' },
    });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await kit.as('adam')(`/webhooks/${endpoint.id}/deliveries`)).status).toBe(404);

    const trail = await kit.as('adam')(`/audit-trail?recordType=webhook_endpoint&recordId=${endpoint.id}`);
    const entries = trail.json.items as { action: string; actorId: string; changes: { field: string }[] }[];
    expect(entries.map((entry) => entry.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(entries.every((entry) => entry.actorId === 'adam')).toBe(true);
    expect(trail.text).not.toContain(endpoint.secret.slice(6));
  });

  it('answers 403 to non-administrators and 404 for another organization’s endpoint', async () => {
    const endpoint = await register('/guarded');
    for (const user of ['quinn', 'aaron', 'olivia'] as const) {
      expect((await kit.as(user)('/webhooks')).status).toBe(403);
      expect(
        (
          await kit.as(user)('/webhooks', {
            method: 'POST',
            body: { url: `${receiverUrl}/x`, eventTypes: ['deviation.created'] },
          })
        ).status,
      ).toBe(403);
      expect((await kit.as(user)(`/webhooks/${endpoint.id}/deliveries`)).status).toBe(403);
    }
    // Org B's endpoint, as its administrator would have registered it: to org A's administrator
    // it is as absent as one that never existed, through every route.
    const otherId = uuidv7();
    await withWebhooks(kit.storage.db)
      .insertInto('webhook_endpoints')
      .values({
        id: otherId,
        org_id: 'org-b',
        url: `${receiverUrl}/org-b`,
        description: '',
        event_types: JSON.stringify(['deviation.created']),
        enabled: true,
        secret: 'whsec_AAAA',
        created_by: 'someone-of-b',
        created_at: new Date(),
        updated_at: new Date(),
        version: 1,
      })
      .execute();
    const adam = kit.as('adam');
    expect((await adam('/webhooks')).json.items.map((item: { id: string }) => item.id)).not.toContain(
      otherId,
    );
    expect(
      (
        await adam(`/webhooks/${otherId}`, {
          method: 'PATCH',
          headers: { 'if-match': '"1"' },
          body: { enabled: false },
        })
      ).status,
    ).toBe(404);
    expect(
      (await adam(`/webhooks/${otherId}`, { method: 'DELETE', headers: { 'if-match': '"1"' } })).status,
    ).toBe(404);
    expect((await adam(`/webhooks/${otherId}/rotate-secret`, { method: 'POST' })).status).toBe(404);
    expect((await adam(`/webhooks/${otherId}/deliveries`)).status).toBe(404);
    expect(
      (await adam(`/webhooks/${otherId}/deliveries/${uuidv7()}/replay`, { method: 'POST' })).status,
    ).toBe(404);
    // Org A's events reach no org B endpoint.
    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await deliverAll();
    expect(received.get('/org-b')).toBeUndefined();
  });
});
