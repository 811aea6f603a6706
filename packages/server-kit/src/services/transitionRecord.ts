import {
  type AcceptedTransition,
  decideTransition,
  type Principal,
  type RecordBase,
  type RecordType,
  type RelatedCount,
  type SignatureInput,
  type TransitionAuditEntry,
  type TransitionEffects,
  transitionEffects,
} from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { problems } from '../http/problems';
import { listAttachments } from '../repositories/attachments';
import { insertSignature } from '../repositories/signatures';
import type { Database } from '../storage/database';
import { updateRecordIfVersion } from '../storage/records';
import { trainingOnMove } from '../training/assignTraining';
import { recordAuditedChange } from './auditedChange';
import type { DomainEvent } from './QmsOptions';

export interface TransitionInput {
  principal: Principal;
  recordType: RecordType;
  current: RecordBase;
  expectedVersion: number;
  event: string;
  reason?: string;
  signature?: SignatureInput;
  /** What the move carries (an extension request's new due date); the machine's meta says its shape. */
  data?: Readonly<Record<string, unknown>>;
  related?: Record<string, RelatedCount>;
  source: Record<string, unknown> | null;
  now: Date;
}

/**
 * The move core's `decideTransition` accepts, or its refusal thrown as problem+json. Pure up to
 * here: the caller verifies the signer's credentials between `acceptTransition` and
 * `applyTransition`, outside any transaction.
 */
export function acceptTransition(input: TransitionInput): AcceptedTransition<RecordBase> {
  const decision = decideTransition(input.recordType, input.current as never, {
    type: input.event,
    actorId: input.principal.userId,
    reason: input.reason,
    at: input.now.toISOString(),
    related: input.related,
    signature: input.signature,
    data: input.data,
  });
  if (!decision.ok) throw problems.refused(decision);
  return decision as AcceptedTransition<RecordBase>;
}

const eventVerbs = { transition: 'transitioned', signature: 'signed' } as const;

/** What the domain event of each audit entry carries besides the record's state. */
function eventData(
  entry: TransitionAuditEntry,
  effects: TransitionEffects<RecordBase>,
  input: TransitionInput,
  accepted: AcceptedTransition<RecordBase>,
): Record<string, unknown> {
  const signature = effects.signature;
  if (entry.action === 'signature' && signature) {
    return {
      signatureId: signature.id,
      meaning: signature.meaning,
      event: input.event,
      contentHash: signature.contentHash,
      manifestation: signature.manifestation,
    };
  }
  return { event: input.event, from: accepted.from, to: accepted.to };
}

/**
 * Stores the move as core's `transitionEffects` lays it out: the next version, the signature
 * bound to the hash of exactly that version and of the attachments the record has at that
 * moment (21 CFR 11.70), and the audit entries in their order — one transaction. The
 * attachments are read in that transaction, so the signature covers what was there when it
 * was given: an attachment whose upload commits later is not covered, and says so.
 */
export async function applyTransition(
  trx: Transaction<Database>,
  input: TransitionInput,
  accepted: AcceptedTransition<RecordBase>,
  signerName: string,
): Promise<{ record: RecordBase; events: DomainEvent[] }> {
  const { recordType, current, principal } = input;
  const at = input.now.toISOString();
  const attachments = accepted.meta.signature
    ? (await listAttachments(trx, principal.orgId, recordType.name, current.id)).map(({ id, sha256 }) => ({
        id,
        sha256,
      }))
    : undefined;
  const effects = await transitionEffects({
    current,
    accepted,
    event: input.event,
    reason: input.reason,
    at,
    signer: { id: principal.userId, printedName: signerName },
    newSignatureId: uuidv7,
    attachments,
  });
  const stored = await updateRecordIfVersion(trx, recordType, effects.record, input.expectedVersion);
  if (!stored) throw problems.stale(current.version);
  const events: DomainEvent[] = [];
  for (const entry of effects.auditEntries) {
    if (entry.action === 'signature' && effects.signature) {
      await insertSignature(trx, { ...effects.signature, orgId: principal.orgId });
    }
    events.push(
      await recordAuditedChange(trx, {
        principal,
        recordType,
        record: effects.record,
        action: entry.action,
        eventVerb: eventVerbs[entry.action],
        changes: entry.changes,
        reason: entry.reason,
        stateFrom: entry.stateFrom,
        stateTo: entry.stateTo,
        source: input.source,
        at,
        data: eventData(entry, effects, input, accepted),
      }),
    );
  }
  // Training owed by the move (a document version becoming effective, or ceasing to be), in this transaction.
  events.push(
    ...(await trainingOnMove(trx, {
      principal,
      recordType,
      record: effects.record,
      from: accepted.from,
      to: accepted.to,
      at: input.now,
      source: input.source,
    })),
  );
  return { record: effects.record, events };
}
