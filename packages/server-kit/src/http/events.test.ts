/** Domain events: handed to hooks.onEvent after the commit, and written to the outbox with the change. */
import { builtInRegistry } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../services/QmsOptions';
import { findRecord } from '../storage/records';
import { createRecord, describedDeviation, expectOk, transition, update } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

const deviationType = builtInRegistry.byName('deviation')!;

/**
 * Each event as the hook got it, with the version of its record the database held at that
 * moment, and when (on a counter of hook steps) it was handed over and when handled.
 */
const delivered: {
  event: DomainEvent;
  storedVersion: number | null;
  calledAt: number;
  handledAt?: number;
}[] = [];
let steps = 0;
let hookFails = false;
/** Makes the hook slow on a transition, to show whether the signature event after it waits. */
let slowOnTransition = 0;
const hookErrors: unknown[] = [];

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({
    qms: {
      hooks: {
        onEvent: async (event) => {
          if (hookFails) throw new Error('the host’s webhook is down');
          const delivery: (typeof delivered)[number] = { event, storedVersion: null, calledAt: ++steps };
          delivered.push(delivery);
          const stored = await findRecord(kit.storage.db, deviationType, event.orgId, event.recordId);
          delivery.storedVersion = stored?.version ?? null;
          if (event.type === 'deviation.transitioned')
            await new Promise((resolve) => setTimeout(resolve, slowOnTransition));
          delivery.handledAt = ++steps;
        },
        onError: (error) => {
          hookErrors.push(error);
        },
      },
    },
  });
}, kitStartTimeout);
afterAll(() => kit.close());

/** Hooks run after the response is formed; give them a moment to land. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

async function outboxOf(recordId: string) {
  const rows = await kit.storage.db.selectFrom('outbox').select(['type', 'payload']).orderBy('id').execute();
  return rows
    .map((row) => ({
      type: row.type,
      payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as DomainEvent,
    }))
    .filter((row) => row.payload.recordId === recordId);
}

describe('events of a deviation through its lifecycle', () => {
  it('reach the hook after the commit, in order, and the outbox holds the same events', async () => {
    let deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    deviation = await expectOk(update(kit, 'olivia', 'deviations', deviation, { area: 'Cold room 3' }));
    deviation = await expectOk(transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT'));
    deviation = await expectOk(
      update(kit, 'quinn', 'deviations', deviation, { immediateActions: 'Quarantined.' }, 'Containment'),
    );
    deviation = await expectOk(transition(kit, 'quinn', 'deviations', deviation, 'SUBMIT_ASSESSMENT'));
    deviation = await expectOk(
      transition(kit, 'quinn', 'deviations', deviation, 'APPROVE', { sign: 'approval' }),
    );
    expect(deviation.state).toBe('closed');
    await settled();

    const mine = delivered.filter(({ event }) => event.recordId === deviation.id);
    expect(mine.map(({ event }) => event.type)).toEqual([
      'deviation.created',
      'deviation.updated',
      'deviation.transitioned',
      'deviation.updated',
      'deviation.transitioned',
      'deviation.transitioned',
      'deviation.signed',
    ]);
    // Committed before the hook heard of it: the database already held the version the event names.
    for (const { event, storedVersion } of mine) {
      expect(storedVersion).not.toBeNull();
      expect(storedVersion as number).toBeGreaterThanOrEqual(event.data.version as number);
    }
    const approval = mine.find(
      ({ event }) => event.type === 'deviation.transitioned' && event.data.event === 'APPROVE',
    );
    expect(approval?.event).toMatchObject({
      orgId: 'org-a',
      recordType: 'deviation',
      recordNumber: deviation.number,
      actorId: 'quinn',
      data: { from: 'in_approval', to: 'closed', state: 'closed', version: deviation.version },
    });
    expect(mine.at(-1)?.event.data).toMatchObject({
      meaning: 'approval',
      event: 'APPROVE',
      manifestation: expect.stringMatching(/^Approved by Quinn QA, /),
    });

    const outbox = await outboxOf(deviation.id);
    expect(outbox.map((row) => row.type)).toEqual(mine.map(({ event }) => event.type));
    expect(outbox.map((row) => row.payload)).toEqual(mine.map(({ event }) => event));
  });

  it('hands the events of one write over one at a time, in order, however slow the hook', async () => {
    let deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    deviation = await expectOk(transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT'));
    deviation = await expectOk(
      update(kit, 'quinn', 'deviations', deviation, { immediateActions: 'Held.' }, 'Held'),
    );
    deviation = await expectOk(transition(kit, 'quinn', 'deviations', deviation, 'SUBMIT_ASSESSMENT'));
    await settled();
    slowOnTransition = 40;
    try {
      deviation = await expectOk(
        transition(kit, 'quinn', 'deviations', deviation, 'APPROVE', { sign: 'approval' }),
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      slowOnTransition = 0;
    }
    const [moved, signed] = delivered.filter(({ event }) => event.recordId === deviation.id).slice(-2);
    expect([moved?.event.type, signed?.event.type]).toEqual(['deviation.transitioned', 'deviation.signed']);
    // The signature event went out only once the hook had finished with the transition.
    expect(signed?.calledAt).toBeGreaterThan(moved?.handledAt ?? Number.POSITIVE_INFINITY);
  });

  it('comments and attachments are announced too', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await kit.as('olivia')(`/deviations/${deviation.id}/comments`, {
      method: 'POST',
      body: { body: 'Noted.' },
    });
    await kit.as('olivia')(`/deviations/${deviation.id}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-file-name': 'log.txt' },
      body: 'logger export',
    });
    await settled();
    const types = (await outboxOf(deviation.id)).map((row) => row.type);
    expect(types).toEqual(['deviation.created', 'deviation.commented', 'deviation.attached']);
    expect(
      delivered.filter(({ event }) => event.recordId === deviation.id).map(({ event }) => event.type),
    ).toEqual(types);
  });
});

describe('what is not announced', () => {
  it('a refused or stale write announces nothing and leaves nothing in the outbox', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', { title: 'Only a title' });
    await settled();
    const heard = delivered.length;
    const outbox = (await outboxOf(deviation.id)).length;
    expect((await transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT')).status).toBe(422);
    expect(
      (await update(kit, 'olivia', 'deviations', { ...deviation, version: 9 }, { area: 'x' })).status,
    ).toBe(412);
    expect(
      (await transition(kit, 'olivia', 'deviations', deviation, 'APPROVE', { sign: 'approval' })).status,
    ).toBe(403);
    const wrongPassword = await kit.as('quinn')(`/deviations/${deviation.id}/transitions`, {
      method: 'POST',
      headers: { 'if-match': '"1"' },
      body: {
        event: 'REQUEST_CANCELLATION',
        reason: 'Duplicate',
        signature: { password: 'guess', meaning: 'approval' },
      },
    });
    expect(wrongPassword.status).toBe(422);
    await settled();
    expect(delivered.length).toBe(heard);
    expect((await outboxOf(deviation.id)).length).toBe(outbox);
  });

  it('a change that changes nothing is not an update', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation({ area: 'Lab' }));
    const same = await update(kit, 'olivia', 'deviations', deviation, { area: 'Lab' });
    expect(same.status).toBe(200);
    expect(same.json.version).toBe(1);
    await settled();
    expect((await outboxOf(deviation.id)).map((row) => row.type)).toEqual(['deviation.created']);
  });

  it('a failing hook does not fail the request: the change stands, the outbox keeps the event, onError hears of it', async () => {
    hookFails = true;
    try {
      const response = await kit.as('olivia')('/deviations', { method: 'POST', body: describedDeviation() });
      expect(response.status).toBe(201);
      await settled();
      expect(hookErrors).toHaveLength(1);
      expect((await outboxOf(response.json.id)).map((row) => row.type)).toEqual(['deviation.created']);
    } finally {
      hookFails = false;
    }
  });
});
