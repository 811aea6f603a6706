/**
 * The reference server with `MASETRA_AMQP_URL` set: every domain event of the demo seed (records
 * created, updated, moved and signed through the API) reaches a RabbitMQ consumer bound to
 * `masetra.events` with `#`, once, under `<orgId>.<recordType>.<event>`; each event is fanned out
 * once into its in-app notifications and one broker row. With the broker away, notifications
 * still go out, once, and the broker's copies wait in the outbox on their own. Skipped, saying
 * so, only where no RabbitMQ answers. Both drivers.
 */
import type { DomainEvent } from '@masetra/server-kit';
import { type ConsumeMessage, connect } from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { AMQP_PUBLISH_EVENT, isDomainEvent } from './domainEventDestinations';

const amqpUrl = process.env.MASETRA_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

async function brokerReachable(): Promise<boolean> {
  try {
    await (await connect(amqpUrl, { timeout: 3000 })).close();
    return true;
  } catch {
    return false;
  }
}

const reachable = await brokerReachable();
if (!reachable) console.warn('SKIPPED: no RabbitMQ answers at 127.0.0.1:5672; the broker tests need one.');

interface Received {
  routingKey: string;
  messageId: string | undefined;
  persistent: boolean;
  body: Record<string, unknown>;
}

/** The outbox's rows: the domain events the kit wrote, and the broker's copies of them. */
async function outboxOf(server: RunningReferenceServer) {
  const rows = await server.storage.db
    .selectFrom('outbox')
    .select(['id', 'type', 'payload', 'delivered_at', 'last_error'])
    .orderBy('id')
    .execute();
  return {
    events: rows.filter((row) => row.type !== AMQP_PUBLISH_EVENT && isDomainEvent(row.payload)),
    copies: rows.filter((row) => row.type === AMQP_PUBLISH_EVENT),
  };
}

describe.skipIf(!reachable)('domain events to RabbitMQ from the reference server', () => {
  const servers: RunningReferenceServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('publishes every event of the seed once, and fans each out once', async () => {
    const model = await connect(amqpUrl);
    const channel = await model.createChannel();
    await channel.assertExchange('masetra.events', 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, 'masetra.events', '#');
    const received: Received[] = [];
    await channel.consume(
      queue,
      (message: ConsumeMessage | null) => {
        if (!message) return;
        received.push({
          routingKey: message.fields.routingKey,
          messageId: message.properties.messageId,
          persistent: message.properties.deliveryMode === 2,
          body: JSON.parse(message.content.toString('utf8')),
        });
      },
      { noAck: true },
    );
    try {
      const server = await startReferenceServer({ server: { amqpUrl } });
      servers.push(server);
      await server.runBackgroundWorkOnce();
      const { events, copies } = await outboxOf(server);
      expect(events.length).toBeGreaterThan(20);
      expect(events.every((row) => row.delivered_at !== null)).toBe(true);
      // One broker copy per event, each confirmed.
      expect(copies.map((row) => (row.payload as DomainEvent).id).sort()).toEqual(
        events.map((row) => (row.payload as DomainEvent).id).sort(),
      );
      expect(copies.every((row) => row.delivered_at !== null)).toBe(true);
      const notifications = await server.storage.db.selectFrom('notifications').select('id').execute();
      expect(notifications.length).toBeGreaterThan(0);

      // This server's organizations are its own (fresh ids): its messages are told apart by them.
      const orgIds = new Set(
        (await server.storage.db.selectFrom('organizations').select('id').execute()).map((org) => org.id),
      );
      const deadline = Date.now() + 20_000;
      const ours = () => received.filter((message) => orgIds.has(String(message.body.organization)));
      while (
        new Set(ours().map((message) => message.messageId)).size < events.length &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const byId = new Map(ours().map((message) => [message.messageId, message]));
      expect(ours().length, 'no outage: no message twice').toBe(byId.size);
      for (const row of events) {
        const event = row.payload as DomainEvent;
        const message = byId.get(event.id);
        expect(message, `${event.type} of ${event.recordNumber}`).toBeDefined();
        const verb = event.type.slice(event.recordType.length + 1);
        expect(message?.routingKey).toBe(`${event.orgId}.${event.recordType}.${verb}`);
        expect(message?.persistent).toBe(true);
        expect(message?.body).toMatchObject({
          eventId: event.id,
          organization: event.orgId,
          recordType: event.recordType,
          id: event.recordId,
          number: event.recordNumber,
          event: verb,
          actor: event.actorId,
          time: event.at,
        });
      }
      const moves = ours().filter((message) => message.body.event === 'transitioned');
      expect(moves.length).toBeGreaterThan(0);
      for (const move of moves)
        expect(move.body).toMatchObject({ from: expect.any(String), to: expect.any(String) });

      // Nothing is left to do, and a second pass fans nothing out again.
      const before = (await outboxOf(server)).copies.length;
      await server.runBackgroundWorkOnce();
      expect((await outboxOf(server)).copies.length).toBe(before);
    } finally {
      await model.close();
    }
  }, 120_000);

  it('sends notifications once while the broker is away; the broker copies wait on their own', async () => {
    // Nothing listens on port 1: every publish fails at once.
    const server = await startReferenceServer({ server: { amqpUrl: 'amqp://guest:guest@127.0.0.1:1' } });
    servers.push(server);
    await server.runBackgroundWorkOnce();
    const countNotifications = async () =>
      (await server.storage.db.selectFrom('notifications').select('id').execute()).length;
    const notified = await countNotifications();
    expect(notified).toBeGreaterThan(0);
    const first = await outboxOf(server);
    expect(first.events.every((row) => row.delivered_at !== null)).toBe(true);
    expect(first.copies.length).toBe(first.events.length);
    expect(first.copies.every((row) => row.delivered_at === null && row.last_error !== null)).toBe(true);
    // The broker copies are tried again; the notifications are not written again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await server.runBackgroundWorkOnce();
    expect(await countNotifications()).toBe(notified);
    const attempts = await server.storage.db
      .selectFrom('outbox')
      .select('attempts')
      .where('type', '=', AMQP_PUBLISH_EVENT)
      .execute();
    expect(attempts.every((row) => row.attempts === 2)).toBe(true);
  }, 120_000);
});
