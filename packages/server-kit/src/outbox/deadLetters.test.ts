/**
 * The outbox's dead letters over HTTP: an event that failed past its retry limit is kept, listed
 * for the organization's administrators (paged, newest first), requeued by one of them with an
 * audit entry, and then delivered; nobody else may see or requeue it, and another
 * organization's is as absent as one that never existed. Both drivers.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from '../http/testing/startTestKit';
import { toJsonb } from '../storage/jsonb';
import { purgeExpiredRows } from '../storage/purgeExpiredRows';
import { createOutboxWorker } from './createOutboxWorker';
import type { OutboxEvent } from './types';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

/** A worker whose delivery fails for the events named in `failing`, with no backoff and a limit of 2 tries. */
function workerFailing(failing: Set<string>, delivered: OutboxEvent[] = [], deadLettered: string[] = []) {
  return createOutboxWorker({
    storage: kit.storage,
    retry: { baseDelayMs: 0, maxAttempts: 2 },
    deliver: async (event) => {
      if (failing.has(event.id)) throw new Error('broker unreachable');
      delivered.push(event);
    },
    onDeadLetter: (event) => deadLettered.push(event.id),
  });
}

/** The outbox row a write just added for the record. */
async function eventOf(recordId: string): Promise<string> {
  const rows = await kit.storage.db.selectFrom('outbox').select(['id', 'payload']).execute();
  const row = rows.find((candidate) => (candidate.payload as { recordId?: string }).recordId === recordId);
  if (!row) throw new Error(`no outbox event for ${recordId}`);
  return row.id;
}

/** A dead letter of another organization, written as the worker would leave it. */
async function deadLetterOf(orgId: string): Promise<string> {
  const id = uuidv7();
  await kit.storage.db
    .insertInto('outbox')
    .values({
      id,
      org_id: orgId,
      type: 'amqp.publish',
      payload: toJsonb({ recordType: 'deviation', recordId: uuidv7(), recordNumber: 'DEV-2026-9999' }),
      attempts: 2,
      last_error: 'Error: broker unreachable',
      dead_at: new Date(),
    })
    .execute();
  return id;
}

describe('outbox dead letters', () => {
  it('dead-letters an event past its retry limit, lists it for administrators, and delivers it once requeued', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const eventId = await eventOf(deviation.id);
    const failing = new Set([eventId]);
    const delivered: OutboxEvent[] = [];
    const deadLettered: string[] = [];
    const worker = workerFailing(failing, delivered, deadLettered);

    // The first try fails and the event is due again at once (no backoff): the drain's next
    // batch tries it a second time, which reaches the limit.
    await worker.drain();
    expect(deadLettered).toEqual([eventId]);
    // A dead letter is claimed no more.
    expect(await worker.drain()).toEqual({ delivered: 0, failed: 0 });

    const listed = await kit.as('adam')('/outbox/dead-letters');
    expect(listed.status, listed.text).toBe(200);
    const letter = listed.json.items.find((item: { id: string }) => item.id === eventId);
    expect(letter).toMatchObject({
      id: eventId,
      type: 'deviation.created',
      recordType: 'deviation',
      recordId: deviation.id,
      recordNumber: deviation.number,
      attempts: 2,
      lastError: 'Error: broker unreachable',
    });
    expect(Date.parse(letter.deadAt)).not.toBeNaN();

    // Dead letters outlive the retention of delivered rows.
    await purgeExpiredRows(kit.storage, { now: new Date(Date.now() + 365 * 86_400_000) });
    expect(
      await kit.storage.db.selectFrom('outbox').select('id').where('id', '=', eventId).executeTakeFirst(),
    ).toEqual({ id: eventId });

    const requeued = await kit.as('adam')(`/outbox/dead-letters/${eventId}/requeue`, {
      method: 'POST',
      body: { reason: 'The broker is back.' },
    });
    expect(requeued.status, requeued.text).toBe(200);
    expect(requeued.json).toMatchObject({ id: eventId, attempts: 0, deadAt: null });
    const trail = await kit.storage.db
      .selectFrom('audit_trail')
      .selectAll()
      .where('record_id', '=', eventId)
      .execute();
    expect(trail).toMatchObject([
      {
        org_id: 'org-a',
        record_type: 'outbox_dead_letter',
        action: 'requeue',
        actor_id: 'adam',
        reason: 'The broker is back.',
        state_from: 'dead_letter',
        state_to: 'pending',
      },
    ]);
    // Requeued already: nothing to requeue.
    const again = await kit.as('adam')(`/outbox/dead-letters/${eventId}/requeue`, {
      method: 'POST',
      body: {},
    });
    expect(again.status, again.text).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);

    // The receiver is back: the requeued event is delivered, once.
    failing.clear();
    await worker.drain();
    expect(delivered.filter((event) => event.id === eventId)).toMatchObject([{ id: eventId, attempts: 1 }]);
    const after = await kit.as('adam')('/outbox/dead-letters');
    expect(after.json.items.map((item: { id: string }) => item.id)).not.toContain(eventId);
    const done = await kit.as('adam')(`/outbox/dead-letters/${eventId}/requeue`, {
      method: 'POST',
      body: {},
    });
    expect(done.status).toBe(409);
  });

  it('shows and requeues dead letters for administrators only (403)', async () => {
    const id = await deadLetterOf('org-a');
    for (const user of ['olivia', 'quinn', 'aaron'] as const) {
      const listed = await kit.as(user)('/outbox/dead-letters');
      expect(listed.status, `${user}: ${listed.text}`).toBe(403);
      const requeued = await kit.as(user)(`/outbox/dead-letters/${id}/requeue`, { method: 'POST', body: {} });
      expect(requeued.status, `${user}: ${requeued.text}`).toBe(403);
    }
    const row = await kit.storage.db
      .selectFrom('outbox')
      .select('dead_at')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row?.dead_at).not.toBeNull();
  });

  it("keeps another organization's dead letters out of sight (404, not listed)", async () => {
    const foreign = await deadLetterOf('org-b');
    const listed = await kit.as('adam')('/outbox/dead-letters?limit=200');
    expect(listed.json.items.map((item: { id: string }) => item.id)).not.toContain(foreign);
    const requeued = await kit.as('adam')(`/outbox/dead-letters/${foreign}/requeue`, {
      method: 'POST',
      body: {},
    });
    const nowhere = await kit.as('adam')(`/outbox/dead-letters/${uuidv7()}/requeue`, {
      method: 'POST',
      body: {},
    });
    expect(requeued.status).toBe(404);
    const { instance: _foreignPath, ...foreignProblem } = requeued.json;
    const { instance: _nowherePath, ...nowhereProblem } = nowhere.json;
    expect(foreignProblem).toEqual(nowhereProblem);
    const row = await kit.storage.db
      .selectFrom('outbox')
      .select(['dead_at', 'attempts'])
      .where('id', '=', foreign)
      .executeTakeFirstOrThrow();
    expect(row.dead_at).not.toBeNull();
    expect(row.attempts).toBe(2);
  });

  it('pages newest first, and refuses bad input with a problem', async () => {
    const ids = [await deadLetterOf('org-a'), await deadLetterOf('org-a'), await deadLetterOf('org-a')];
    const first = await kit.as('adam')('/outbox/dead-letters?limit=2');
    expect(first.status).toBe(200);
    expect(first.json.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await kit.as('adam')(`/outbox/dead-letters?limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.items[0].id).toBe(ids[0]);
    for (const path of [
      '/outbox/dead-letters?limit=0',
      '/outbox/dead-letters?cursor=nonsense',
      '/outbox/dead-letters?colour=red',
    ]) {
      const response = await kit.as('adam')(path);
      expect(response.status, path).toBe(400);
    }
    const notAnId = await kit.as('adam')('/outbox/dead-letters/42/requeue', { method: 'POST', body: {} });
    // As for every route with an id: what is no id names nothing.
    expect(notAnId.status).toBe(404);
    const extra = await kit.as('adam')(`/outbox/dead-letters/${ids[0]}/requeue`, {
      method: 'POST',
      body: { reason: 'Back.', attempts: 0 },
    });
    expect(extra.status).toBe(422);
  });
});
