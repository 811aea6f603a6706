import { builtInRegistry } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage } from '../testing';
import { nextRecordNumber } from './nextRecordNumber';
import type { Storage } from './storage';

const deviation = builtInRegistry.byName('deviation')!;
const at = new Date('2026-03-01T10:00:00Z');

describe('nextRecordNumber', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage.close());

  const take = (orgId: string, when = at) =>
    storage.db.transaction().execute((trx) => nextRecordNumber(trx, orgId, deviation, when));

  it('numbers per organization, type and year, with four digits or more', async () => {
    expect(await take('org-a')).toBe('DEV-2026-0001');
    expect(await take('org-a')).toBe('DEV-2026-0002');
    expect(await take('org-b')).toBe('DEV-2026-0001');
    expect(await take('org-a', new Date('2027-01-01T00:00:00Z'))).toBe('DEV-2027-0001');
    // The year is the UTC year, whatever the server's zone.
    expect(await take('org-a', new Date('2026-12-31T23:59:59.999Z'))).toBe('DEV-2026-0003');
  });

  it('gives the number of a rolled-back transaction to the next one: no gap', async () => {
    const failed = storage.db.transaction().execute(async (trx) => {
      expect(await nextRecordNumber(trx, 'org-gap', deviation, at)).toBe('DEV-2026-0001');
      throw new Error('the record did not validate');
    });
    await expect(failed).rejects.toThrow('did not validate');
    expect(await take('org-gap')).toBe('DEV-2026-0001');
  });

  it('stays unique and gap-free under concurrent transactions', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        storage.db.transaction().execute(async (trx) => {
          const number = await nextRecordNumber(trx, 'org-busy', deviation, at);
          // Hold the transaction open a little so that, on PostgreSQL, the others queue on the counter row.
          await new Promise((resolve) => setTimeout(resolve, index % 3));
          return number;
        }),
      ),
    );
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `DEV-2026-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('keeps counting past 9999', async () => {
    await storage.db
      .insertInto('record_counters')
      .values({ org_id: 'org-big', record_type: 'deviation', year: 2026, last_value: 9999 })
      .execute();
    expect(await take('org-big')).toBe('DEV-2026-10000');
  });
});
