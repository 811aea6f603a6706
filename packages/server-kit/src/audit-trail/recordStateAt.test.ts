import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/storage';
import { createTestStorage } from '../testing';
import type { AuditEntryInput } from './appendAuditEntry';
import { appendAuditEntry } from './appendAuditEntry';
import { queryAuditTrail } from './queryAuditTrail';
import { recordStateAt } from './recordStateAt';

const recordId = uuidv7();
const otherRecordId = uuidv7();

const history: AuditEntryInput[] = [
  {
    orgId: 'org-a',
    at: '2026-05-01T09:00:00.000Z',
    actorId: 'u1',
    actorName: 'Ada Originator',
    action: 'create',
    recordType: 'deviation',
    recordId,
    recordNumber: 'DEV-2026-0001',
    // The first save records every initial value (PART11 item 3).
    changes: [
      { field: 'title', new: 'Temperature excursion' },
      { field: 'severity', new: 'minor' },
      { field: 'area', new: 'Warehouse' },
    ],
    stateTo: 'draft',
  },
  {
    orgId: 'org-a',
    at: '2026-05-02T09:00:00.000Z',
    actorId: 'u1',
    actorName: 'Ada Originator',
    action: 'update',
    recordType: 'deviation',
    recordId,
    changes: [
      { field: 'severity', old: 'minor', new: 'major' },
      { field: 'description', new: 'Cold room 2 at 12 °C for 3 h' },
    ],
  },
  {
    orgId: 'org-a',
    at: '2026-05-02T12:00:00.000Z',
    actorId: 'u9',
    actorName: 'Someone Else',
    action: 'update',
    recordType: 'deviation',
    recordId: otherRecordId,
    changes: [{ field: 'title', new: 'Unrelated' }],
  },
  {
    orgId: 'org-a',
    at: '2026-05-03T09:00:00.000Z',
    actorId: 'u2',
    actorName: 'Grace Reviewer',
    action: 'transition',
    recordType: 'deviation',
    recordId,
    changes: [{ field: 'area', old: 'Warehouse' }],
    reason: 'Area moved to the description',
    stateFrom: 'draft',
    stateTo: 'in_assessment',
  },
];

describe('recordStateAt and queryAuditTrail', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
    for (const entry of history) {
      await storage.db.transaction().execute((trx) => appendAuditEntry(trx, entry));
    }
  });
  afterAll(() => storage.close());

  const stateAt = (at: string, orgId = 'org-a') =>
    recordStateAt(storage.db, orgId, 'deviation', recordId, at);

  it('rebuilds the values a record had at any earlier time', async () => {
    expect(await stateAt('2026-04-30T00:00:00.000Z')).toBeNull();
    expect(await stateAt('2026-05-01T09:00:00.000Z')).toEqual({
      title: 'Temperature excursion',
      severity: 'minor',
      area: 'Warehouse',
      state: 'draft',
    });
    expect(await stateAt('2026-05-02T10:00:00.000Z')).toEqual({
      title: 'Temperature excursion',
      severity: 'major',
      area: 'Warehouse',
      description: 'Cold room 2 at 12 °C for 3 h',
      state: 'draft',
    });
    expect(await stateAt('2026-06-01T00:00:00.000Z')).toEqual({
      title: 'Temperature excursion',
      severity: 'major',
      description: 'Cold room 2 at 12 °C for 3 h',
      state: 'in_assessment',
    });
  });

  it("knows nothing of another organization's record", async () => {
    expect(await stateAt('2026-06-01T00:00:00.000Z', 'org-b')).toBeNull();
  });

  it('filters the trail by record, actor, action and time', async () => {
    const ofRecord = await queryAuditTrail(storage.db, 'org-a', { recordType: 'deviation', recordId });
    expect(ofRecord.items.map((entry) => entry.action)).toEqual(['create', 'update', 'transition']);
    const byActor = await queryAuditTrail(storage.db, 'org-a', { actorId: 'u9' });
    expect(byActor.items.map((entry) => entry.recordId)).toEqual([otherRecordId]);
    const transitions = await queryAuditTrail(storage.db, 'org-a', { action: 'transition' });
    expect(transitions.items[0]).toMatchObject({
      stateFrom: 'draft',
      stateTo: 'in_assessment',
      reason: 'Area moved to the description',
      actorName: 'Grace Reviewer',
      at: '2026-05-03T09:00:00.000Z',
    });
    const window = await queryAuditTrail(storage.db, 'org-a', {
      from: '2026-05-02T00:00:00Z',
      to: '2026-05-02T23:59:59Z',
    });
    expect(window.items.map((entry) => entry.seq)).toEqual([2, 3]);
    expect((await queryAuditTrail(storage.db, 'org-b', {})).items).toEqual([]);
  });

  it('refuses a bad time or cursor as a query error', async () => {
    await expect(queryAuditTrail(storage.db, 'org-a', { from: 'yesterday' })).rejects.toMatchObject({
      code: 'invalid_filter_value',
      parameter: 'from',
    });
    await expect(queryAuditTrail(storage.db, 'org-a', { cursor: 'garbage!' })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });
});
