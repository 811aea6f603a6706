/**
 * A webhook endpoint that fails past the outbox's retry limit is disabled, and each of its
 * organization's administrators is told in the app and by e-mail (the dev mailbox here), in one
 * transaction with the disabling. Both drivers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_OUTBOX_MAX_ATTEMPTS, type DomainEvent, WEBHOOK_DELIVERY_EVENT } from '@masetra/server-kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { commandLineActor } from '../users/userTrail';

let server: RunningReferenceServer;
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  receiver = createServer((_request, response) => {
    response.statusCode = 500;
    response.end('down');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/down`;
  server = await startReferenceServer({
    seed: false,
    mail: { publicUrl: 'http://localhost:3000', from: 'Masetra <no-reply@localhost>', devMailbox: true },
    server: { webhooks: { allowPrivateAddresses: true } },
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function call(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: await response.json() };
}

describe('a webhook endpoint failing past the retry limit', () => {
  it('is disabled, and its administrators are notified in the app and by e-mail', async () => {
    const { token, organization } = await server.administration.createOrganization({
      name: 'Acme Pharma',
      adminEmail: 'admin@acme.example',
      adminName: 'Alex Admin',
      actor: commandLineActor,
      source: { client: 'webhook-test' },
    });
    const admin = (
      await call('/auth/setup', { method: 'POST', body: { token, newPassword: 'Admin-own-password-1' } })
    ).json;
    const registered = await call('/webhooks', {
      method: 'POST',
      token: admin.accessToken,
      body: { url: receiverUrl, eventTypes: ['deviation.created'] },
    });
    expect(registered.status).toBe(201);
    // The copy of an event for the endpoint, one try short of the limit (days of retries, skipped).
    const orgId = organization.id;
    const event: DomainEvent = {
      id: uuidv7(),
      type: 'deviation.created',
      orgId,
      recordType: 'deviation',
      recordId: uuidv7(),
      recordNumber: 'DEV-2026-0001',
      actorId: admin.user?.id ?? 'someone',
      at: new Date().toISOString(),
      data: {},
    };
    await server.storage.db
      .insertInto('outbox')
      .values({
        id: uuidv7(),
        org_id: orgId,
        type: WEBHOOK_DELIVERY_EVENT,
        payload: JSON.stringify({ endpointId: registered.json.id, webhookId: event.id, event }),
        attempts: DEFAULT_OUTBOX_MAX_ATTEMPTS - 1,
      })
      .execute();
    await server.runBackgroundWorkOnce();
    await server.runBackgroundWorkOnce();

    const listed = await call('/webhooks', { token: admin.accessToken });
    expect(listed.json.items[0]).toMatchObject({ enabled: false });
    expect(listed.json.items[0].disabledReason).toContain('answered 500');
    const notifications = await call('/notifications', { token: admin.accessToken });
    expect(JSON.stringify(notifications.json)).toContain(`Webhook to ${receiverUrl} disabled`);
    const mailbox = await (await fetch(`${server.origin}/mailbox`)).text();
    expect(mailbox).toContain('A Masetra webhook was disabled');
    expect(mailbox).toContain(receiverUrl);
  });
});
