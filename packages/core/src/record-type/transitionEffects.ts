import { type CoveredAttachment, coveredAttachmentList, recordContentHash } from '../crypto/contentHash';
import { type Signature, signatureManifestation } from '../entities/signature';
import type { AcceptedTransition } from './decideTransition';
import { diffRecord } from './diffRecord';
import type { RecordBase } from './recordBase';
import { signatureTrailChange } from './signatureTrailChange';

/** One audit-trail entry a move owes, before the store adds who, when, where and the hash chain. */
export interface TransitionAuditEntry {
  action: 'transition' | 'signature';
  changes: ReturnType<typeof diffRecord>;
  reason: string | null;
  stateFrom: string | null;
  stateTo: string | null;
}

export interface TransitionEffectsInput<TRecord extends RecordBase> {
  /** The record as it was read, at the version the move was decided on. */
  current: TRecord;
  accepted: AcceptedTransition<TRecord>;
  /** The event taken, e.g. `APPROVE`. */
  event: string;
  reason?: string;
  /** Server time of the move, ISO 8601 UTC. */
  at: string;
  /** Who takes the move, and the printed name a signature shows (21 CFR 11.50). */
  signer: { id: string; printedName: string };
  /** The id the store gives a new signature; asked only when the move is signed. */
  newSignatureId: () => string;
  /**
   * The record's attachments at the moment of signing (read in the move's transaction), each
   * its id and SHA-256, in any order: a signature's content hash covers them with the record,
   * and the signature lists their ids in `coveredAttachments`. Omitted, the hash covers the
   * record alone and the signature lists none (as signatures did before they covered attachments).
   */
  attachments?: readonly CoveredAttachment[];
}

/** What a move writes, in the order it is written. */
export interface TransitionEffects<TRecord extends RecordBase> {
  /** The next version: the machine's record, version bumped, `updatedAt` the move's time. */
  record: TRecord;
  /** The transition's entry (its field changes), then the signature's when the move is signed. */
  auditEntries: TransitionAuditEntry[];
  /**
   * The signature, bound to the content hash of the version the move produced and of the
   * attachments the record had then (11.70).
   */
  signature: Signature | null;
}

/**
 * The writes of an accepted move: the next version of the record, its audit-trail entries and
 * its signature. Pure (hashing aside, no I/O): the server stores exactly this and the
 * Storybook fixture server keeps exactly this, so the two cannot drift in what they record,
 * in which order, or in which version a signature binds to.
 */
export async function transitionEffects<TRecord extends RecordBase>(
  input: TransitionEffectsInput<TRecord>,
): Promise<TransitionEffects<TRecord>> {
  const { current, accepted, at } = input;
  const record = { ...accepted.record, version: current.version + 1, updatedAt: at } as TRecord;
  const reason = input.reason ?? null;
  const auditEntries: TransitionAuditEntry[] = [
    {
      action: 'transition',
      changes: diffRecord(current, record),
      reason,
      stateFrom: accepted.from,
      stateTo: accepted.to,
    },
  ];
  const meaning = accepted.meta.signature;
  if (!meaning) return { record, auditEntries, signature: null };
  const covered = input.attachments ? coveredAttachmentList(input.attachments) : undefined;
  const unmanifested = {
    id: input.newSignatureId(),
    recordType: record.type,
    recordId: record.id,
    recordVersion: record.version,
    contentHash: await recordContentHash(record, covered),
    signerId: input.signer.id,
    signerName: input.signer.printedName,
    meaning,
    event: input.event,
    signedAt: at,
  };
  const signature: Signature = {
    ...unmanifested,
    manifestation: signatureManifestation(unmanifested),
    ...(covered ? { coveredAttachments: covered.map((attachment) => attachment.id) } : {}),
  };
  auditEntries.push({
    action: 'signature',
    changes: [signatureTrailChange(signature)],
    reason,
    stateFrom: null,
    stateTo: null,
  });
  return { record, auditEntries, signature };
}
