/** Issue 11, item 9: idempotency keys and delivered outbox rows go after their retention; nothing undelivered does. */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage } from '../testing';
import { purgeExpiredRows } from './purgeExpiredRows';
import type { Storage } from './storage';

const now = new Date('2026-11-29T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

let storage: Storage;
beforeAll(async () => {
  storage = await createTestStorage();
  const key = (name: string, createdAt: Date) => ({
    org_id: 'org-a',
    key: name,
    user_id: 'u1',
    method: 'POST',
    path: '/deviations',
    request_hash: 'h',
    created_at: createdAt,
  });
  await storage.db
    .insertInto('idempotency_keys')
    .values([key('eight-days-old', daysAgo(8)), key('six-days-old', daysAgo(6))])
    .execute();
  const outbox = (type: string, createdAt: Date, deliveredAt: Date | null) => ({
    id: uuidv7(),
    org_id: 'org-a',
    type,
    payload: JSON.stringify({}),
    created_at: createdAt,
    available_at: createdAt,
    delivered_at: deliveredAt,
  });
  await storage.db
    .insertInto('outbox')
    .values([
      outbox('delivered-long-ago', daysAgo(40), daysAgo(31)),
      outbox('delivered-lately', daysAgo(40), daysAgo(29)),
      outbox('never-delivered', daysAgo(90), null),
    ])
    .execute();
});
afterAll(() => storage.close());

describe('purgeExpiredRows', () => {
  it('deletes what is past its retention and keeps the rest, undelivered messages above all', async () => {
    expect(await purgeExpiredRows(storage, { now })).toEqual({ idempotencyKeys: 1, deliveredOutbox: 1 });
    const keys = await storage.db.selectFrom('idempotency_keys').select('key').execute();
    expect(keys).toEqual([{ key: 'six-days-old' }]);
    const outbox = await storage.db.selectFrom('outbox').select('type').orderBy('type').execute();
    expect(outbox).toEqual([{ type: 'delivered-lately' }, { type: 'never-delivered' }]);
  });

  it('is a no-op when run again', async () => {
    expect(await purgeExpiredRows(storage, { now })).toEqual({ idempotencyKeys: 0, deliveredOutbox: 0 });
  });
});
