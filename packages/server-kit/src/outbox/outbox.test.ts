import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/storage';
import { createTestStorage } from '../testing';
import { claimOutboxBatch } from './claimOutboxBatch';
import { createOutboxWorker } from './createOutboxWorker';
import { enqueueOutboxEvent } from './enqueueOutboxEvent';
import { fanOutOutboxEvent } from './fanOutOutboxEvent';
import { markOutboxDelivered } from './markOutboxDelivered';
import { markOutboxFailed } from './markOutboxFailed';
import type { OutboxEvent } from './types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('outbox', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage.close());

  const enqueue = (orgId: string, type: string, payload: unknown) =>
    storage.db.transaction().execute((trx) => enqueueOutboxEvent(trx, { orgId, type, payload }));

  /** Claims and acknowledges whatever is due, so each test starts from an empty outbox. */
  async function clear() {
    await createOutboxWorker({ storage, deliver: async () => {} }).drain();
  }

  it('holds an event only if its transaction commits', async () => {
    await clear();
    await expect(
      storage.db.transaction().execute(async (trx) => {
        await enqueueOutboxEvent(trx, { orgId: 'org-a', type: 'deviation.created', payload: { n: 1 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const id = await enqueue('org-a', 'deviation.created', { number: 'DEV-2026-0001', tags: ['a', 'b'] });
    const delivered: OutboxEvent[] = [];
    expect(
      await createOutboxWorker({ storage, deliver: async (event) => void delivered.push(event) }).drain(),
    ).toEqual({
      delivered: 1,
      failed: 0,
    });
    expect(delivered).toMatchObject([
      {
        id,
        orgId: 'org-a',
        type: 'deviation.created',
        payload: { number: 'DEV-2026-0001', tags: ['a', 'b'] },
        attempts: 1,
      },
    ]);
  });

  it('retries a failed delivery later, with backoff, until it succeeds', async () => {
    await clear();
    const id = await enqueue('org-a', 'email.send', { to: 'qa@example.com' });
    let calls = 0;
    const worker = createOutboxWorker({
      storage,
      retry: { baseDelayMs: 300 },
      deliver: async () => {
        calls += 1;
        if (calls < 3) throw new Error(`mail server down (${calls})`);
      },
    });
    expect(await worker.drain()).toEqual({ delivered: 0, failed: 1 });
    // Not due again before the backoff runs out.
    expect(await worker.drain()).toEqual({ delivered: 0, failed: 0 });
    const failed = await storage.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({
      attempts: 1,
      delivered_at: null,
      locked_until: null,
      last_error: 'Error: mail server down (1)',
    });
    await sleep(400);
    expect(await worker.drain()).toEqual({ delivered: 0, failed: 1 });
    await sleep(200);
    // The second failure waits twice as long as the first.
    expect(await worker.drain()).toEqual({ delivered: 0, failed: 0 });
    await sleep(500);
    expect(await worker.drain()).toEqual({ delivered: 1, failed: 0 });
    expect(calls).toBe(3);
    const done = await storage.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(done.attempts).toBe(3);
    expect(done.delivered_at).toBeInstanceOf(Date);
  });

  it('delivers again when a worker dies holding a claim (its lock expires)', async () => {
    await clear();
    const id = await enqueue('org-a', 'webhook.call', { url: 'https://host.example/hook' });
    // A worker claims the event, then its process dies before acknowledging.
    const claimed = await claimOutboxBatch(storage.db, { limit: 10, lockForMs: 400 });
    expect(claimed.map((event) => event.id)).toEqual([id]);
    expect(await claimOutboxBatch(storage.db, { limit: 10, lockForMs: 400 })).toEqual([]);
    await sleep(600);
    const again = await claimOutboxBatch(storage.db, { limit: 10, lockForMs: 400 });
    expect(again).toMatchObject([{ id, attempts: 2 }]);
    await markOutboxDelivered(storage.db, id);
    await sleep(100);
    expect(await claimOutboxBatch(storage.db, { limit: 10, lockForMs: 400 })).toEqual([]);
  });

  it('lets several workers share the outbox, each event delivered once', async () => {
    await clear();
    const ids = [];
    for (let index = 0; index < 30; index += 1)
      ids.push(await enqueue('org-b', 'deviation.updated', { index }));
    const deliveries: string[] = [];
    const workers = Array.from({ length: 3 }, () =>
      createOutboxWorker({
        storage,
        batchSize: 4,
        deliver: async (event) => {
          deliveries.push(event.id);
          await sleep(2);
        },
      }),
    );
    const results = await Promise.all(workers.map((worker) => worker.drain()));
    expect(results.reduce((sum, result) => sum + result.delivered, 0)).toBe(30);
    expect([...deliveries].sort()).toEqual([...ids].sort());
  });

  it('polls in the background once started, and stops cleanly', async () => {
    await clear();
    const delivered: unknown[] = [];
    const worker = createOutboxWorker({
      storage,
      pollMs: 20,
      deliver: async (event) => void delivered.push(event.payload),
    });
    worker.start();
    worker.start();
    await enqueue('org-a', 'reminder.due', { n: 1 });
    await enqueue('org-a', 'reminder.due', { n: 2 });
    for (let wait = 0; delivered.length < 2 && wait < 100; wait += 1) await sleep(20);
    await worker.stop();
    expect(delivered).toEqual([{ n: 1 }, { n: 2 }]);
    await enqueue('org-a', 'reminder.due', { n: 3 });
    await sleep(60);
    expect(delivered).toHaveLength(2);
  });

  it('reports its own errors and keeps polling', async () => {
    const errors: unknown[] = [];
    const broken = {
      db: {
        updateTable: () => {
          throw new Error('database gone');
        },
      },
    } as unknown as Storage;
    const worker = createOutboxWorker({
      storage: broken,
      pollMs: 10,
      deliver: async () => {},
      onError: (error) => errors.push(error),
    });
    worker.start();
    await sleep(50);
    await worker.stop();
    expect(errors.length).toBeGreaterThan(1);
  });

  it('fans an event out into one row per destination, each retried on its own', async () => {
    await clear();
    const id = await enqueue('org-a', 'deviation.transitioned', { recordId: 'r-1' });
    let notified = 0;
    const attempts: Record<string, number> = {};
    const worker = createOutboxWorker({
      storage,
      retry: { baseDelayMs: 0 },
      deliver: async (event) => {
        if (event.type === 'deviation.transitioned') {
          await fanOutOutboxEvent(storage.db, event, {
            local: async () => {
              notified += 1;
            },
            destinations: ['broker', 'webhook'].map((destination) => ({
              orgId: event.orgId,
              type: `${destination}.publish`,
              payload: event.payload,
            })),
          });
          return;
        }
        attempts[event.type] = (attempts[event.type] ?? 0) + 1;
        // The broker is down for its first two tries; the webhook answers at once.
        if (event.type === 'broker.publish' && attempts[event.type]! < 3) throw new Error('broker down');
      },
    });
    await worker.drain();
    await worker.drain();
    expect(notified).toBe(1);
    expect(attempts).toEqual({ 'broker.publish': 3, 'webhook.publish': 1 });
    const rows = await storage.db
      .selectFrom('outbox')
      .select(['id', 'type', 'payload', 'delivered_at'])
      .where('created_at', '>=', (eb) =>
        eb.selectFrom('outbox').select('created_at').where('id', '=', id).limit(1),
      )
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.type, row.payload, row.delivered_at instanceof Date])).toEqual([
      ['deviation.transitioned', { recordId: 'r-1' }, true],
      ['broker.publish', { recordId: 'r-1' }, true],
      ['webhook.publish', { recordId: 'r-1' }, true],
    ]);
  });

  it('fans out once, even when two workers hold the same event; a failed fan-out leaves nothing', async () => {
    await clear();
    const id = await enqueue('org-a', 'capa.created', { recordId: 'c-1' });
    const destinations = [{ orgId: 'org-a', type: 'relay.publish', payload: { recordId: 'c-1' } }];
    await expect(
      fanOutOutboxEvent(
        storage.db,
        { id },
        {
          local: async () => {
            throw new Error('notifications table gone');
          },
          destinations,
        },
      ),
    ).rejects.toThrow('notifications table gone');
    const countOf = async (type: string) =>
      (await storage.db.selectFrom('outbox').select('id').where('type', '=', type).execute()).length;
    expect(await countOf('relay.publish')).toBe(0);
    const results = await Promise.all([
      fanOutOutboxEvent(storage.db, { id }, { destinations }),
      fanOutOutboxEvent(storage.db, { id }, { destinations }),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await fanOutOutboxEvent(storage.db, { id }, { destinations })).toBe(false);
    expect(await countOf('relay.publish')).toBe(1);
    await clear();
  });

  it('dead-letters an event past its retry limit: kept, and claimed no more', async () => {
    await clear();
    const id = await enqueue('org-a', 'broker.publish', { n: 1 });
    const first = await claimOutboxBatch(storage.db, { limit: 10, lockForMs: 60_000 });
    expect(first.map((event) => event.id)).toEqual([id]);
    expect(
      await markOutboxFailed(storage.db, id, new Error('down'), { baseDelayMs: 0, maxAttempts: 2 }),
    ).toEqual({
      deadLettered: false,
    });
    await claimOutboxBatch(storage.db, { limit: 10, lockForMs: 60_000 });
    expect(
      await markOutboxFailed(storage.db, id, new Error('still down'), { baseDelayMs: 0, maxAttempts: 2 }),
    ).toEqual({
      deadLettered: true,
    });
    expect(await claimOutboxBatch(storage.db, { limit: 10, lockForMs: 60_000 })).toEqual([]);
    const row = await storage.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 2, delivered_at: null, last_error: 'Error: still down' });
    expect(row.dead_at).toBeInstanceOf(Date);
  });
});
