import { auditEntryHash, GENESIS_HASH } from '@masetra/core';
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database';
import type { Storage } from '../storage/storage';
import { createTestStorage } from '../testing';
import type { AuditEntryInput } from './appendAuditEntry';
import { appendAuditEntry } from './appendAuditEntry';
import { auditEntryContent } from './auditEntryContent';
import { queryAuditTrail } from './queryAuditTrail';
import { verifyAuditChain } from './verifyAuditChain';

const entry = (orgId: string, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  orgId,
  actorId: 'u1',
  actorName: 'Ada Quality',
  action: 'update',
  recordType: 'deviation',
  recordId: '0190a000-0000-7000-8000-000000000001',
  recordNumber: 'DEV-2026-0001',
  changes: [{ field: 'title', old: 'a', new: 'b' }],
  reason: 'Typo',
  ...overrides,
});

describe('appendAuditEntry', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage.close());

  const append = (input: AuditEntryInput) =>
    storage.db.transaction().execute((trx) => appendAuditEntry(trx, input));

  it('numbers entries per organization and chains each hash to the one before', async () => {
    const first = await append(entry('org-a', { action: 'create', at: '2026-04-01T08:00:00.123456Z' }));
    const second = await append(entry('org-a'));
    const other = await append(entry('org-b'));
    expect(first).toMatchObject({ seq: 1, previousHash: GENESIS_HASH, at: '2026-04-01T08:00:00.123Z' });
    expect(second).toMatchObject({ seq: 2, previousHash: first.hash });
    expect(other).toMatchObject({ seq: 1, previousHash: GENESIS_HASH });
    expect(first.hash).toBe(await auditEntryHash(GENESIS_HASH, auditEntryContent(first)));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores what it hashed: the chain verifies from the columns alone, whatever the values', async () => {
    await append(
      entry('org-values', {
        action: 'create',
        changes: [
          { field: 'occurredAt', new: new Date('2026-04-01T08:00:00.5Z') },
          {
            field: 'investigation',
            new: { notes: 'Ünïcödé ✓', fiveWhys: [{ why: 'w', because: 'b' }], z: 1, a: 2 },
          },
          { field: 'capaRequired', old: null, new: false },
          { field: 'count', old: 1.5, new: 12_345_678_901_234 },
          { field: 'removed', old: 'x', new: undefined },
          { field: 'hostRefs', new: [{ system: 'lims', kind: 'batch', id: 'B-1', label: undefined }] },
        ],
        source: { client: 'lims-connector', ip: '10.0.0.7', userAgent: 'curl/8' },
        stateFrom: null,
        stateTo: 'draft',
      }),
    );
    await append(entry('org-values', { source: null, reason: null, recordNumber: null }));
    expect(await verifyAuditChain(storage.db, 'org-values')).toMatchObject({ ok: true, entries: 2 });
  });

  it('keeps entries consecutive under concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => append(entry('org-busy', { reason: `change ${index}` }))),
    );
    const page = await queryAuditTrail(storage.db, 'org-busy', { limit: 100 });
    expect(page.items.map((item) => item.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await verifyAuditChain(storage.db, 'org-busy')).toMatchObject({ ok: true, entries: 20 });
  });

  it('rolls back with the change it describes', async () => {
    await append(entry('org-rollback'));
    const failed = storage.db.transaction().execute(async (trx) => {
      await appendAuditEntry(trx, entry('org-rollback'));
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    const next = await append(entry('org-rollback'));
    expect(next.seq).toBe(2);
    expect(await verifyAuditChain(storage.db, 'org-rollback')).toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses to run outside a transaction', async () => {
    await expect(
      appendAuditEntry(storage.db as unknown as Transaction<Database>, entry('org-a')),
    ).rejects.toThrow(/inside the transaction/);
  });
});
