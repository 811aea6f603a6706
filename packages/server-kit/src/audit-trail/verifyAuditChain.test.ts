/** Tampering behind the application's back, by a superuser who disables the triggers, is detected. */
import { type AuditTrailEntry, GENESIS_HASH } from '@masetra/core';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/storage';
import { createTestStorage } from '../testing';
import { appendAuditEntry } from './appendAuditEntry';
import { queryAuditTrail } from './queryAuditTrail';
import { verifyAuditChain } from './verifyAuditChain';

describe('verifyAuditChain', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage.close());

  /** Appends `count` entries for a fresh organization and returns them. */
  async function chain(orgId: string, count = 10): Promise<AuditTrailEntry[]> {
    const entries: AuditTrailEntry[] = [];
    for (let index = 0; index < count; index += 1) {
      entries.push(
        await storage.db.transaction().execute((trx) =>
          appendAuditEntry(trx, {
            orgId,
            actorId: 'u1',
            actorName: 'Ada Quality',
            action: index === 0 ? 'create' : 'update',
            recordType: 'deviation',
            recordId: '0190a000-0000-7000-8000-000000000001',
            changes: [{ field: 'description', old: `v${index}`, new: `v${index + 1}` }],
            reason: index === 0 ? null : 'Clarified',
          }),
        ),
      );
    }
    return entries;
  }

  /** What an administrator with superuser rights could do: switch the guards off, edit, switch them on. */
  async function tamper(...statements: RawBuilder<unknown>[]) {
    await storage.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_trail DISABLE TRIGGER ALL`.execute(trx);
      await sql`ALTER TABLE audit_chain_heads DISABLE TRIGGER ALL`.execute(trx);
      for (const statement of statements) await statement.execute(trx);
      await sql`ALTER TABLE audit_trail ENABLE TRIGGER ALL`.execute(trx);
      await sql`ALTER TABLE audit_chain_heads ENABLE TRIGGER ALL`.execute(trx);
    });
  }

  it('accepts an intact chain, reading it in batches', async () => {
    const entries = await chain('org-intact', 10);
    for (const batchSize of [1, 3, 10, 1000]) {
      expect(await verifyAuditChain(storage.db, 'org-intact', { batchSize })).toEqual({
        ok: true,
        entries: 10,
        headHash: entries[9]?.hash,
      });
    }
  });

  it('accepts an organization without entries', async () => {
    expect(await verifyAuditChain(storage.db, 'org-empty')).toEqual({
      ok: true,
      entries: 0,
      headHash: GENESIS_HASH,
    });
  });

  it('finds an edited value', async () => {
    const entries = await chain('org-edited');
    await tamper(sql`UPDATE audit_trail SET changes = '[{"field":"description","old":"v4","new":"forged"}]'
      WHERE org_id = 'org-edited' AND seq = 4`);
    expect(await verifyAuditChain(storage.db, 'org-edited', { batchSize: 3 })).toEqual({
      ok: false,
      brokenAt: { seq: 4, id: entries[3]?.id, reason: 'entry_changed' },
      entries: 3,
    });
  });

  it('finds an edited time, actor or reason', async () => {
    const entries = await chain('org-edited-columns');
    await tamper(
      sql`UPDATE audit_trail SET at = at + interval '1 microsecond' WHERE org_id = 'org-edited-columns' AND seq = 2`,
    );
    expect(await verifyAuditChain(storage.db, 'org-edited-columns')).toMatchObject({
      ok: false,
      brokenAt: { seq: 2, id: entries[1]?.id, reason: 'entry_changed' },
    });
  });

  it('finds an edited entry whose hash was recomputed, by the next link', async () => {
    const entries = await chain('org-rehashed');
    await tamper(
      sql`UPDATE audit_trail SET hash = ${'f'.repeat(64)} WHERE org_id = 'org-rehashed' AND seq = 6`,
    );
    // The entry itself no longer matches its hash; a forger who fixes that still breaks the link of seq 7.
    expect(await verifyAuditChain(storage.db, 'org-rehashed')).toMatchObject({
      ok: false,
      brokenAt: { seq: 6, id: entries[5]?.id, reason: 'entry_changed' },
    });
  });

  it('finds a removed entry', async () => {
    await chain('org-removed');
    await tamper(sql`DELETE FROM audit_trail WHERE org_id = 'org-removed' AND seq = 5`);
    expect(await verifyAuditChain(storage.db, 'org-removed', { batchSize: 4 })).toEqual({
      ok: false,
      brokenAt: { seq: 5, id: null, reason: 'entry_missing' },
      entries: 4,
    });
  });

  it('finds a removed last entry, against the chain head', async () => {
    await chain('org-removed-last');
    await tamper(sql`DELETE FROM audit_trail WHERE org_id = 'org-removed-last' AND seq = 10`);
    expect(await verifyAuditChain(storage.db, 'org-removed-last')).toMatchObject({
      ok: false,
      brokenAt: { seq: 10, id: null, reason: 'entry_missing' },
    });
  });

  it('finds removed entries renumbered to close the gap', async () => {
    const entries = await chain('org-renumbered');
    await tamper(
      sql`DELETE FROM audit_trail WHERE org_id = 'org-renumbered' AND seq = 3`,
      sql`UPDATE audit_trail SET seq = seq - 1 WHERE org_id = 'org-renumbered' AND seq > 3`,
      sql`UPDATE audit_chain_heads SET seq = seq - 1 WHERE org_id = 'org-renumbered'`,
    );
    expect(await verifyAuditChain(storage.db, 'org-renumbered')).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, id: entries[3]?.id, reason: 'link_broken' },
    });
  });

  it('finds two entries swapped', async () => {
    const entries = await chain('org-swapped');
    await tamper(
      sql`UPDATE audit_trail SET seq = -1 WHERE org_id = 'org-swapped' AND seq = 7`,
      sql`UPDATE audit_trail SET seq = 7 WHERE org_id = 'org-swapped' AND seq = 8`,
      sql`UPDATE audit_trail SET seq = 8 WHERE org_id = 'org-swapped' AND seq = -1`,
    );
    expect(await verifyAuditChain(storage.db, 'org-swapped')).toMatchObject({
      ok: false,
      brokenAt: { seq: 7, id: entries[7]?.id },
    });
  });

  it('finds a chain head that disagrees with the last entry', async () => {
    const entries = await chain('org-head', 3);
    await tamper(sql`UPDATE audit_chain_heads SET hash = ${'0'.repeat(64)} WHERE org_id = 'org-head'`);
    expect(await verifyAuditChain(storage.db, 'org-head')).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, id: entries[2]?.id, reason: 'head_mismatch' },
    });
  });

  it('finds entries forged past the chain head', async () => {
    const entries = await chain('org-forged', 4);
    await tamper(
      sql`UPDATE audit_chain_heads SET seq = 2, hash = ${entries[1]!.hash} WHERE org_id = 'org-forged'`,
    );
    expect(await verifyAuditChain(storage.db, 'org-forged')).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, id: entries[2]?.id, reason: 'head_mismatch' },
    });
  });

  it('lets the API page through the trail it verified, oldest first', async () => {
    const entries = await chain('org-paged', 5);
    const first = await queryAuditTrail(storage.db, 'org-paged', { limit: 2 });
    const second = await queryAuditTrail(storage.db, 'org-paged', { limit: 2, cursor: first.nextCursor });
    const third = await queryAuditTrail(storage.db, 'org-paged', { limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items]).toEqual(entries);
    expect(third.nextCursor).toBeNull();
  });
});
