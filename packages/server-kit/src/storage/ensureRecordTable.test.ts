import { builtInRegistry, createRegistry, type RecordType, recordTypes } from '@masetra/core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, sampleRecord } from '../testing';
import { countRelated, insertRecord, listRecords } from './records';
import { recordTableName } from './recordTableName';
import type { Storage } from './storage';

const deviation = builtInRegistry.byName('deviation')!;

/** A type a host registers itself; storage knows it only through the registry. */
const changeControl: RecordType = {
  ...deviation,
  name: 'change_control',
  collection: 'change-controls',
  numberPrefix: 'CC',
  searchFields: ['title', 'description'],
};

describe('record tables from the registry', () => {
  let storage: Storage;
  const registry = createRegistry({ ...recordTypes, change_control: changeControl });
  beforeAll(async () => {
    storage = await createTestStorage({ registry });
  });
  afterAll(() => storage.close());

  it("gives a host's own record type its own table, searchable like the built-in ones", async () => {
    await storage.db
      .transaction()
      .execute((trx) =>
        insertRecord(
          trx,
          changeControl,
          sampleRecord(
            changeControl,
            { orgId: 'org-a', number: 'CC-2026-0001' },
            { title: 'New tablet press', description: 'Replace press 4' },
          ),
        ),
      );
    const found = await listRecords(storage.db, changeControl, 'org-a', { q: 'press' });
    expect(found.items).toMatchObject([{ type: 'change_control', number: 'CC-2026-0001' }]);
    expect((await listRecords(storage.db, deviation, 'org-a', {})).items).toEqual([]);
  });

  it('rebuilds the search column when the searched fields change, then stays put', async () => {
    const narrower = createRegistry({
      ...recordTypes,
      change_control: { ...changeControl, searchFields: ['title'] },
    });
    await storage.migrate(narrower);
    await storage.migrate(narrower);
    const narrowed = { ...changeControl, searchFields: ['title'] } as RecordType;
    expect((await listRecords(storage.db, narrowed, 'org-a', { q: 'tablet' })).items).toHaveLength(1);
    expect((await listRecords(storage.db, narrowed, 'org-a', { q: 'replace' })).items).toHaveLength(0);
    await storage.migrate(registry);
    expect((await listRecords(storage.db, changeControl, 'org-a', { q: 'replace' })).items).toHaveLength(1);
  });

  it('counts the open and all children of a parent', async () => {
    const finding = builtInRegistry.byName('finding');
    if (!finding?.parent) return;
    const auditId = uuidv7();
    const otherAuditId = uuidv7();
    await storage.db.transaction().execute(async (trx) => {
      const states = ['open', 'closed', 'open', 'closed', 'closed'];
      for (const [index, state] of states.entries()) {
        await insertRecord(
          trx,
          finding,
          sampleRecord(
            finding,
            { orgId: 'org-a', number: `FND-2026-000${index + 1}`, state },
            { auditId, title: `Finding ${index}` },
          ),
        );
      }
      await insertRecord(
        trx,
        finding,
        sampleRecord(
          finding,
          { orgId: 'org-a', number: 'FND-2026-0009' },
          { auditId: otherAuditId, title: 'Elsewhere' },
        ),
      );
      await insertRecord(
        trx,
        finding,
        sampleRecord(finding, { orgId: 'org-b', number: 'FND-2026-0001' }, { auditId, title: 'Other org' }),
      );
    });
    expect(await countRelated(storage.db, finding, 'org-a', auditId)).toEqual({ open: 2, total: 5 });
    expect(await countRelated(storage.db, finding, 'org-a', auditId, [])).toEqual({ open: 5, total: 5 });
    expect(await countRelated(storage.db, finding, 'org-c', auditId)).toEqual({ open: 0, total: 0 });
    expect(await countRelated(storage.db, finding, 'org-a', 'not-a-uuid')).toEqual({ open: 0, total: 0 });
    const filtered = await listRecords(storage.db, finding, 'org-a', { filters: { auditId: otherAuditId } });
    expect(filtered.items.map((item) => item.number)).toEqual(['FND-2026-0009']);
  });

  it('refuses a collection that would clash with a fixed table or is no plain name', () => {
    expect(() => recordTableName({ name: 'x', collection: 'users' })).toThrow(/clashes/);
    expect(() => recordTableName({ name: 'x', collection: 'audit-trail' })).toThrow(/clashes/);
    expect(() => recordTableName({ name: 'x', collection: 'drop table;' })).toThrow(/cannot name a table/);
    expect(recordTableName({ name: 'x', collection: 'change-controls' })).toBe('change_controls');
  });
});
