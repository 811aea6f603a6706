import { describe, expect, it, vi } from 'vitest';
import { recordContentHash } from '../crypto/contentHash';
import { deviation } from '../deviation';
import { decideTransition } from './decideTransition';
import type { RecordOf } from './defineRecordType';
import { transitionEffects } from './transitionEffects';

type Deviation = RecordOf<typeof deviation>;

const inApproval: Deviation = {
  id: '01960000-0000-7000-8000-000000000001',
  orgId: 'org-acme',
  type: 'deviation',
  number: 'DEV-2026-0001',
  state: 'in_approval',
  version: 4,
  ownerId: 'user-originator',
  createdBy: 'user-originator',
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
  title: 'Tablet hardness out of specification, batch 24-117',
  description: 'In-process control measured 62 N against a specification of 80-120 N.',
  occurredAt: '2026-03-02T07:45:00.000Z',
  area: 'Compression suite 2',
  severity: 'minor',
  immediateActions: 'Batch placed on hold; press stopped and tooling inspected.',
};

const at = '2026-03-05T14:03:00.000Z';
const signer = { id: 'user-qa-approver', printedName: 'Dana Reyes' };

function accepted(
  record: Deviation,
  type: string,
  extra: { reason?: string; signature?: { meaning: 'approval' } },
) {
  const decision = decideTransition(deviation, record, { type, actorId: signer.id, ...extra });
  if (!decision.ok) throw new Error(decision.detail);
  return decision;
}

describe('transitionEffects', () => {
  it('signs the version the move produces, and writes the transition before the signature', async () => {
    const effects = await transitionEffects({
      current: inApproval,
      accepted: accepted(inApproval, 'APPROVE', { signature: { meaning: 'approval' } }),
      event: 'APPROVE',
      at,
      signer,
      newSignatureId: () => 'signature-1',
    });
    expect(effects.record).toMatchObject({ state: 'closed', version: 5, updatedAt: at });
    const hash = await recordContentHash(effects.record);
    expect(hash).not.toBe(await recordContentHash(inApproval));
    expect(effects.signature).toEqual({
      id: 'signature-1',
      recordType: 'deviation',
      recordId: inApproval.id,
      recordVersion: 5,
      contentHash: hash,
      signerId: 'user-qa-approver',
      signerName: 'Dana Reyes',
      meaning: 'approval',
      event: 'APPROVE',
      signedAt: at,
      manifestation: 'Approved by Dana Reyes, 2026-03-05 14:03 UTC',
    });
    expect(effects.auditEntries).toEqual([
      {
        action: 'transition',
        changes: [{ field: 'state', old: 'in_approval', new: 'closed' }],
        reason: null,
        stateFrom: 'in_approval',
        stateTo: 'closed',
      },
      {
        action: 'signature',
        changes: [
          {
            field: 'signature',
            old: null,
            new: {
              signatureId: 'signature-1',
              signerName: 'Dana Reyes',
              meaning: 'approval',
              recordVersion: 5,
              contentHash: hash,
            },
          },
        ],
        reason: null,
        stateFrom: null,
        stateTo: null,
      },
    ]);
  });

  it('covers the attachments the record has when signed, in any order, and names them', async () => {
    const report = { id: '01960000-0000-7000-8000-0000000000b2', sha256: 'b'.repeat(64) };
    const photo = { id: '01960000-0000-7000-8000-0000000000a1', sha256: 'a'.repeat(64) };
    const sign = (attachments?: { id: string; sha256: string }[]) =>
      transitionEffects({
        current: inApproval,
        accepted: accepted(inApproval, 'APPROVE', { signature: { meaning: 'approval' } }),
        event: 'APPROVE',
        at,
        signer,
        newSignatureId: () => 'signature-1',
        attachments,
      });
    const effects = await sign([report, photo]);
    const covered = await recordContentHash(effects.record, [photo, report]);
    expect(covered).not.toBe(await recordContentHash(effects.record));
    expect(effects.signature).toMatchObject({
      contentHash: covered,
      coveredAttachments: [photo.id, report.id],
    });
    expect(effects.auditEntries[1]?.changes[0]?.new).toEqual({
      signatureId: 'signature-1',
      signerName: 'Dana Reyes',
      meaning: 'approval',
      recordVersion: 5,
      contentHash: covered,
      coveredAttachments: [photo.id, report.id],
    });
    // The order the store listed them in does not matter.
    expect((await sign([photo, report])).signature?.contentHash).toBe(covered);

    // None when signed: today's hash of the record alone, and an empty list of covered attachments.
    const bare = await sign([]);
    expect(bare.signature).toMatchObject({
      contentHash: await recordContentHash(bare.record),
      coveredAttachments: [],
    });
    // Not given at all (a caller from before): the record alone, and no list on the signature.
    const unlisted = await sign();
    expect(unlisted.signature?.contentHash).toBe(bare.signature?.contentHash);
    expect(unlisted.signature).not.toHaveProperty('coveredAttachments');
    expect(unlisted.auditEntries[1]?.changes[0]?.new).not.toHaveProperty('coveredAttachments');
  });

  it('writes one entry and no signature for an unsigned move, with its reason', async () => {
    const newSignatureId = vi.fn(() => 'never');
    const effects = await transitionEffects({
      current: inApproval,
      accepted: accepted(inApproval, 'REQUEST_CANCELLATION', { reason: 'Raised twice.' }),
      event: 'REQUEST_CANCELLATION',
      reason: 'Raised twice.',
      at,
      signer,
      newSignatureId,
    });
    expect(effects.signature).toBeNull();
    expect(newSignatureId).not.toHaveBeenCalled();
    expect(effects.auditEntries).toHaveLength(1);
    expect(effects.auditEntries[0]).toMatchObject({
      action: 'transition',
      reason: 'Raised twice.',
      stateFrom: 'in_approval',
      stateTo: 'pending_cancellation',
    });
  });
});
