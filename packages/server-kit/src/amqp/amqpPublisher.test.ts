/**
 * Domain events to the RabbitMQ of this machine (and of CI), published from the outbox: every
 * event reaches a consumer bound with `#`, under `<orgId>.<recordType>.<event>`, persistent,
 * its `messageId` the event id; and when the broker drops the connection mid-stream (as on a
 * restart) or the link to it is down for a while, the outbox holds what was not confirmed and
 * nothing is lost once it is back. Delivery is at least once: an event whose confirm was lost
 * with the connection is published again, and the consumer drops the repeat by `messageId`;
 * the tests count such repeats and require every event at least once and no other message.
 * Skipped, saying so, only where no broker answers. Both drivers for the outbox.
 */
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../outbox/createOutboxWorker';
import { enqueueOutboxEvent } from '../outbox/enqueueOutboxEvent';
import type { DomainEvent } from '../services/QmsOptions';
import type { Storage } from '../storage/storage';
import { createTestStorage } from '../testing';
import { type AmqpPublisher, createAmqpPublisher } from './createAmqpPublisher';
import {
  brokerReachable,
  closeConnectionsNamed,
  type ReceivedMessage,
  startTcpLink,
  startTestConsumer,
  type TestConsumer,
  testAmqpUrl,
} from './testing/brokerTestSupport';

const reachable = await brokerReachable();
if (!reachable) {
  console.warn(
    `SKIPPED: no RabbitMQ answers at ${testAmqpUrl.replace(/\/\/[^@]*@/, '//')}; the broker tests need one (set MASETRA_TEST_AMQP_URL).`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const recordTypes = ['deviation', 'capa', 'document'] as const;
const verbs = ['created', 'updated', 'transitioned', 'signed'] as const;

/** A domain event as the kit writes it, for an organization of this test run only. */
function domainEvent(orgId: string, index: number): DomainEvent {
  const recordType = recordTypes[index % recordTypes.length]!;
  const verb = verbs[index % verbs.length]!;
  return {
    id: uuidv7(),
    type: `${recordType}.${verb}`,
    orgId,
    recordType,
    recordId: uuidv7(),
    recordNumber: `${recordType.slice(0, 3).toUpperCase()}-2026-${String(index + 1).padStart(4, '0')}`,
    actorId: 'olivia',
    at: new Date(Date.UTC(2026, 10, 30, 8, 0, index)).toISOString(),
    data:
      verb === 'transitioned'
        ? { state: 'in_assessment', event: 'SUBMIT', from: 'draft', to: 'in_assessment' }
        : { state: 'draft' },
  };
}

/** Each event id once, and how many repeats the consumer dropped. */
function deduplicated(received: ReceivedMessage[], orgIds: readonly string[]) {
  const ours = received.filter((message) => orgIds.includes(String(message.body.organization)));
  const byId = new Map<string, ReceivedMessage>();
  for (const message of ours)
    if (message.messageId && !byId.has(message.messageId)) byId.set(message.messageId, message);
  return { unique: byId, repeats: ours.length - byId.size };
}

describe.skipIf(!reachable)('domain events to RabbitMQ from the outbox', () => {
  let storage: Storage;
  let consumer: TestConsumer;
  beforeAll(async () => {
    storage = await createTestStorage();
    consumer = await startTestConsumer();
  }, 120_000);
  afterAll(async () => {
    await consumer?.close();
    await storage?.close();
  });

  async function enqueueAll(events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      await storage.db
        .transaction()
        .execute((trx) =>
          enqueueOutboxEvent(trx, { orgId: event.orgId, type: 'amqp.publish', payload: event }),
        );
    }
  }

  /** While set, the worker's publishes wait for it: an outage the test causes then comes mid-stream. */
  let held: Promise<void> | null = null;

  /** `paceMs`: a pause after each publish, so the stream lasts a while. */
  function publishingWorker(publisher: AmqpPublisher, paceMs = 0): OutboxWorker {
    return createOutboxWorker({
      storage,
      pollMs: 20,
      batchSize: 5,
      // Short waits, so a test sees the retries; the defaults are seconds to an hour.
      retry: { baseDelayMs: 50, maxDelayMs: 400 },
      deliver: async (event) => {
        // Other tests' events share this database; this test's are for its own organizations.
        if (event.type !== 'amqp.publish') return;
        if (held) await held;
        await publisher.publish(event.payload as DomainEvent);
        if (paceMs > 0) await sleep(paceMs);
      },
    });
  }

  it('publishes every event once, persistent, under <orgId>.<recordType>.<event>, with the event as JSON', async () => {
    const orgIds = [`org-${randomUUID()}`, `org-${randomUUID()}`];
    const events = Array.from({ length: 24 }, (_, index) => domainEvent(orgIds[index % 2]!, index));
    const publisher = createAmqpPublisher({
      url: testAmqpUrl,
      connectionName: `masetra-test-${randomUUID()}`,
    });
    const worker = publishingWorker(publisher);
    try {
      await enqueueAll(events);
      expect(await worker.drain()).toMatchObject({ delivered: expect.any(Number), failed: 0 });
      await consumer.until((received) => deduplicated(received, orgIds).unique.size === events.length);
      // Confirmed is delivered: nothing is left in the outbox.
      const pending = await storage.db
        .selectFrom('outbox')
        .select('id')
        .where('type', '=', 'amqp.publish')
        .where('delivered_at', 'is', null)
        .execute();
      expect(pending).toEqual([]);
      await sleep(200);
      const { unique, repeats } = deduplicated(consumer.received, orgIds);
      expect(repeats, 'no outage, so no repeat').toBe(0);
      for (const event of events) {
        const message = unique.get(event.id);
        expect(message, `event ${event.id}`).toBeDefined();
        const verb = event.type.split('.')[1];
        expect(message).toEqual({
          routingKey: `${event.orgId}.${event.recordType}.${verb}`,
          messageId: event.id,
          deliveryMode: 2,
          contentType: 'application/json',
          body: {
            eventId: event.id,
            type: event.type,
            organization: event.orgId,
            recordType: event.recordType,
            id: event.recordId,
            number: event.recordNumber,
            event: verb,
            lifecycleEvent: verb === 'transitioned' ? 'SUBMIT' : null,
            from: verb === 'transitioned' ? 'draft' : null,
            to: verb === 'transitioned' ? 'in_assessment' : null,
            state: verb === 'transitioned' ? 'in_assessment' : 'draft',
            actor: 'olivia',
            time: event.at,
          },
        });
      }
    } finally {
      await publisher.close();
    }
  });

  it('loses nothing when the broker drops the connection mid-stream (as on a restart), and reconnects', async () => {
    const connectionName = `masetra-test-${randomUUID()}`;
    const orgIds = [`org-${randomUUID()}`];
    const events = Array.from({ length: 100 }, (_, index) => domainEvent(orgIds[0]!, index));
    const connectionErrors: unknown[] = [];
    const publisher = createAmqpPublisher({
      url: testAmqpUrl,
      connectionName,
      onConnectionError: (error) => connectionErrors.push(error),
    });
    const worker = publishingWorker(publisher, 10);
    let release = () => {};
    try {
      await enqueueAll(events);
      worker.start();
      await consumer.until((received) => deduplicated(received, orgIds).unique.size >= 10);
      // The stream waits while rabbitmqctl (a second or more) closes the connection, so the close
      // comes mid-stream however slow the machine.
      held = new Promise((resolve) => {
        release = resolve;
      });
      const closed = await closeConnectionsNamed(connectionName);
      held = null;
      release();
      if (closed === null) {
        console.warn(
          'rabbitmqctl is not on this machine: the broker-side close is not tried here (the link cut below is)',
        );
      } else {
        expect(closed, 'the publisher had its connection open').toBe(1);
        expect(deduplicated(consumer.received, orgIds).unique.size, 'the close came mid-stream').toBeLessThan(
          events.length,
        );
      }
      await consumer.until(
        (received) => deduplicated(received, orgIds).unique.size === events.length,
        60_000,
      );
      if (closed !== null) {
        expect(String(connectionErrors[0]), 'the publisher saw the close').toMatch(/CONNECTION_FORCED/);
      }
    } finally {
      held = null;
      release();
      await worker.stop();
      await publisher.close();
    }
    await sleep(200);
    const { unique, repeats } = deduplicated(consumer.received, orgIds);
    expect([...unique.keys()].sort()).toEqual(events.map((event) => event.id).sort());
    // At least once: a message whose confirm the close swallowed may come twice, never more often.
    expect(repeats).toBeLessThanOrEqual(events.length);
    console.info(
      `broker close mid-stream: ${events.length} events received, ${repeats} repeats dropped by messageId`,
    );
  });

  it('holds events in the outbox while the link to the broker is down, and sends them all once it is back', async () => {
    const link = await startTcpLink();
    const orgIds = [`org-${randomUUID()}`];
    const events = Array.from({ length: 60 }, (_, index) => domainEvent(orgIds[0]!, index));
    const publisher = createAmqpPublisher({
      url: link.url,
      connectionName: `masetra-test-${randomUUID()}`,
      connectTimeoutMs: 1000,
      confirmTimeoutMs: 2000,
    });
    // About 1.2 s of stream, so the cut comes mid-stream.
    const worker = publishingWorker(publisher, 20);
    try {
      await enqueueAll(events);
      worker.start();
      await consumer.until((received) => deduplicated(received, orgIds).unique.size >= 8);
      link.cut();
      // The outage lasts: publishes fail (no connection can be made) and wait in the outbox.
      await sleep(1500);
      const during = deduplicated(consumer.received, orgIds).unique.size;
      expect(during, 'the cut came mid-stream').toBeLessThan(events.length);
      const waiting = await storage.db
        .selectFrom('outbox')
        .select(['id', 'last_error'])
        .where('type', '=', 'amqp.publish')
        .where('delivered_at', 'is', null)
        .execute();
      expect(waiting.length).toBeGreaterThan(0);
      expect(
        waiting.some((row) => row.last_error !== null),
        'a publish failed during the outage',
      ).toBe(true);
      link.restore();
      await consumer.until(
        (received) => deduplicated(received, orgIds).unique.size === events.length,
        60_000,
      );
    } finally {
      await worker.stop();
      await publisher.close();
      await link.close();
    }
    await sleep(200);
    const { unique, repeats } = deduplicated(consumer.received, orgIds);
    expect([...unique.keys()].sort()).toEqual(events.map((event) => event.id).sort());
    expect(repeats).toBeLessThanOrEqual(events.length);
    console.info(`link cut: ${events.length} events received, ${repeats} repeats dropped by messageId`);
  });

  it('fails a publish the broker cannot take, so the outbox keeps the event', async () => {
    const publisher = createAmqpPublisher({
      url: 'amqp://guest:guest@127.0.0.1:1',
      connectTimeoutMs: 500,
    });
    await expect(publisher.publish(domainEvent(`org-${randomUUID()}`, 0))).rejects.toThrow();
    await publisher.close();
  });
});
