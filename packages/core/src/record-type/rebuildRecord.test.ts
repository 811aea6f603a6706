import { describe, expect, it } from 'vitest';
import { recordContentHash } from '../crypto/contentHash';
import { deviation } from '../deviation';
import type { Signature } from '../entities/signature';
import { decideTransition } from './decideTransition';
import type { RecordOf } from './defineRecordType';
import { diffRecord } from './diffRecord';
import { type RecordWriteEntry, rebuildRecord } from './rebuildRecord';
import { transitionEffects } from './transitionEffects';

type Deviation = RecordOf<typeof deviation>;

const minute = (n: number) => new Date(Date.UTC(2026, 2, 2, 8, n)).toISOString();

/**
 * A deviation's history written the way the server writes it (diffRecord for create and update,
 * transitionEffects for moves), with an attachment and a comment in between: the versions it
 * went through, the trail it left, and the signature of its approval.
 */
async function history() {
  const versions: Deviation[] = [];
  const trail: RecordWriteEntry[] = [];
  const created: Deviation = {
    id: '01960000-0000-7000-8000-000000000001',
    orgId: 'org-acme',
    type: 'deviation',
    number: 'DEV-2026-0001',
    state: 'draft',
    version: 1,
    ownerId: 'user-originator',
    createdBy: 'user-originator',
    createdAt: minute(0),
    updatedAt: minute(0),
    stateBeforeCancellation: null,
    title: 'Tablet hardness out of specification',
    severity: 'minor',
    hostRefs: [{ system: 'mes', kind: 'batch', id: '24-117' }],
  };
  versions.push(created);
  trail.push({ action: 'create', at: minute(0), changes: diffRecord({}, created), stateTo: 'draft' });

  const described: Deviation = {
    ...created,
    description: 'In-process control measured 62 N.',
    occurredAt: minute(-30),
    area: 'Compression suite 2',
    immediateActions: 'Batch on hold.',
    version: 2,
    updatedAt: minute(1),
  };
  versions.push(described);
  trail.push({ action: 'update', at: minute(1), changes: diffRecord(created, described), stateTo: null });
  trail.push({
    action: 'attachment',
    at: minute(2),
    changes: [{ field: 'attachments', old: null, new: { id: 'a1', fileName: 'ipc.pdf' } }],
    stateTo: null,
  });
  trail.push({
    action: 'comment',
    at: minute(2),
    changes: [{ field: 'comments', old: null, new: { id: 'c1', body: 'Press 2 again.' } }],
    stateTo: null,
  });

  let signature: Signature | null = null;
  const move = async (type: string, at: string, extra: { reason?: string; sign?: boolean } = {}) => {
    const current = versions.at(-1) as Deviation;
    const actorId = extra.sign ? 'user-qa-approver' : 'user-originator';
    const decision = decideTransition(deviation, current, {
      type,
      actorId,
      at,
      reason: extra.reason,
      signature: extra.sign ? { password: 'secret', meaning: 'approval' } : undefined,
    });
    if (!decision.ok) throw new Error(`${type}: ${decision.detail}`);
    const effects = await transitionEffects({
      current,
      accepted: decision,
      event: type,
      reason: extra.reason,
      at,
      signer: { id: actorId, printedName: 'Dana Reyes' },
      newSignatureId: () => 'signature-1',
    });
    versions.push(effects.record);
    for (const entry of effects.auditEntries) trail.push({ ...entry, at });
    signature = effects.signature ?? signature;
  };
  await move('SUBMIT', minute(3));
  await move('REQUEST_CANCELLATION', minute(4), { reason: 'Raised twice.' });
  await move('REJECT_CANCELLATION', minute(5), { reason: 'Not a duplicate.' });
  await move('SUBMIT_ASSESSMENT', minute(6));
  await move('APPROVE', minute(7), { sign: true });
  return { versions, trail, signature: signature as Signature | null };
}

describe('rebuildRecord', () => {
  it('rebuilds every version the record went through, exactly, from its trail alone', async () => {
    const { versions, trail } = await history();
    expect(versions.map((record) => record.state)).toEqual([
      'draft',
      'draft',
      'in_assessment',
      'pending_cancellation',
      'in_assessment',
      'in_approval',
      'closed',
    ]);
    for (const record of versions) {
      expect(rebuildRecord(trail, { version: record.version }), `version ${record.version}`).toStrictEqual({
        ...record,
        stateBeforeCancellation: record.stateBeforeCancellation ?? null,
      });
    }
    expect(rebuildRecord(trail)).toStrictEqual(rebuildRecord(trail, { version: 7 }));
  });

  it('rebuilds the record as it stood at a moment, and nothing before it existed', async () => {
    const { versions, trail } = await history();
    expect(rebuildRecord(trail, { asOf: minute(-1) })).toBeNull();
    expect(rebuildRecord(trail, { asOf: minute(0) })).toMatchObject({ version: 1, state: 'draft' });
    const between = rebuildRecord(trail, { asOf: new Date(Date.parse(minute(4)) + 30_000).toISOString() });
    expect(between).toStrictEqual(versions[3]);
    expect(between?.stateBeforeCancellation).toBe('in_assessment');
  });

  it('leaves attachments, comments and signatures out: they are not fields of the record', async () => {
    const { trail } = await history();
    const latest = rebuildRecord(trail) as Record<string, unknown>;
    expect(trail.map((entry) => entry.action)).toContain('signature');
    expect(latest).not.toHaveProperty('attachments');
    expect(latest).not.toHaveProperty('comments');
    expect(latest).not.toHaveProperty('signature');
  });

  it('gives back the content a signature hashed, at the version it signed', async () => {
    const { trail, signature } = await history();
    expect(signature?.recordVersion).toBe(7);
    const signed = rebuildRecord(trail, { version: signature?.recordVersion ?? 0 });
    expect(await recordContentHash(signed ?? {})).toBe(signature?.contentHash);
    // Any other version hashes differently: the hash binds the version too.
    expect(await recordContentHash(rebuildRecord(trail, { version: 6 }) ?? {})).not.toBe(
      signature?.contentHash,
    );
  });

  it('finds no version the trail does not hold, and rebuilds nothing from a trail without its create', async () => {
    const { trail } = await history();
    expect(rebuildRecord(trail, { version: 8 })).toBeNull();
    expect(rebuildRecord(trail, { version: 0 })).toBeNull();
    expect(rebuildRecord(trail.slice(1))).toBeNull();
    expect(rebuildRecord([])).toBeNull();
  });
});
