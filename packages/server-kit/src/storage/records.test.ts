import { builtInRegistry } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, sampleRecord } from '../testing';
import { findRecord, insertRecord, updateRecordIfVersion } from './records';
import type { Storage } from './storage';

const deviation = builtInRegistry.byName('deviation')!;

describe('records', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage.close());

  const insert = (record: ReturnType<typeof sampleRecord>) =>
    storage.db.transaction().execute((trx) => insertRecord(trx, deviation, record));

  it('stores a record and reads back the core shape, times as ISO 8601 UTC', async () => {
    const record = sampleRecord(
      deviation,
      { orgId: 'org-a', number: 'DEV-2026-0001', at: new Date('2026-02-03T04:05:06.789Z') },
      {
        title: 'Temperature excursion in cold room 2',
        severity: 'major',
        hostRefs: [{ system: 'lims', kind: 'batch', id: 'B-17' }],
        investigation: { notes: 'pending' },
      },
    );
    const stored = await insert(record);
    expect(stored).toEqual(record);
    const found = await findRecord(storage.db, deviation, 'org-a', record.id);
    expect(found).toEqual(record);
    expect(found?.createdAt).toBe('2026-02-03T04:05:06.789Z');
  });

  it('keeps only the fields the type declares', async () => {
    const record = sampleRecord(
      deviation,
      { orgId: 'org-a', number: 'DEV-2026-0002' },
      {
        title: 'Label mix-up',
        notAField: 'dropped',
      },
    );
    const stored = await insert(record);
    expect(stored).not.toHaveProperty('notAField');
    expect(stored.title).toBe('Label mix-up');
  });

  it("hides another organization's record, and an id that is no UUID", async () => {
    const record = await insert(
      sampleRecord(deviation, { orgId: 'org-a', number: 'DEV-2026-0003' }, { title: 'Mine' }),
    );
    expect(await findRecord(storage.db, deviation, 'org-b', record.id)).toBeNull();
    expect(await findRecord(storage.db, deviation, 'org-a', 'not-a-uuid')).toBeNull();
    const changed = await storage.db
      .transaction()
      .execute((trx) =>
        updateRecordIfVersion(trx, deviation, { ...record, orgId: 'org-b', title: 'Theirs' }, 1),
      );
    expect(changed).toBeNull();
    expect((await findRecord(storage.db, deviation, 'org-a', record.id))?.title).toBe('Mine');
  });

  it('refuses duplicate numbers within an organization', async () => {
    await insert(sampleRecord(deviation, { orgId: 'org-a', number: 'DEV-2026-0100' }, { title: 'One' }));
    await expect(
      insert(sampleRecord(deviation, { orgId: 'org-a', number: 'DEV-2026-0100' }, { title: 'Two' })),
    ).rejects.toThrow();
    await insert(
      sampleRecord(deviation, { orgId: 'org-b', number: 'DEV-2026-0100' }, { title: 'Other org' }),
    );
  });

  it('updates only from the expected version and refuses a stale one', async () => {
    const record = await insert(
      sampleRecord(deviation, { orgId: 'org-a', number: 'DEV-2026-0004' }, { title: 'v1' }),
    );
    const later = new Date(Date.parse(record.createdAt) + 1000).toISOString();
    const v2 = await storage.db
      .transaction()
      .execute((trx) =>
        updateRecordIfVersion(
          trx,
          deviation,
          { ...record, title: 'v2', state: 'in_assessment', updatedAt: later },
          1,
        ),
      );
    expect(v2).toMatchObject({ version: 2, title: 'v2', state: 'in_assessment', updatedAt: later });
    expect(v2?.createdAt).toBe(record.createdAt);

    const stale = await storage.db
      .transaction()
      .execute((trx) => updateRecordIfVersion(trx, deviation, { ...record, title: 'lost update' }, 1));
    expect(stale).toBeNull();
    expect(await findRecord(storage.db, deviation, 'org-a', record.id)).toMatchObject({
      version: 2,
      title: 'v2',
    });
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const record = await insert(
      sampleRecord(deviation, { orgId: 'org-a', number: 'DEV-2026-0005' }, { title: 'v1' }),
    );
    const results = await Promise.all(
      ['writer one', 'writer two'].map((title) =>
        storage.db
          .transaction()
          .execute((trx) => updateRecordIfVersion(trx, deviation, { ...record, title }, 1)),
      ),
    );
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect((await findRecord(storage.db, deviation, 'org-a', record.id))?.version).toBe(2);
  });

  it('clears a field that a change removes', async () => {
    const record = await insert(
      sampleRecord(deviation, { orgId: 'org-a', number: 'DEV-2026-0006' }, { title: 'x', area: 'Warehouse' }),
    );
    const { area: _removed, ...withoutArea } = record as typeof record & { area?: string };
    const stored = await storage.db
      .transaction()
      .execute((trx) => updateRecordIfVersion(trx, deviation, withoutArea as typeof record, 1));
    expect(stored).not.toHaveProperty('area');
  });
});
