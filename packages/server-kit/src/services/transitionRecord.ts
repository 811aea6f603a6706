import {
  evaluateTransition,
  type Principal,
  type RecordBase,
  type RecordType,
  type RelatedCount,
  recordContentHash,
  type SignatureInput,
  signatureManifestation,
} from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { problems } from '../http/problems';
import { insertSignature } from '../repositories/signatures';
import type { Database } from '../storage/database';
import { updateRecordIfVersion } from '../storage/records';
import { recordAuditedChange } from './auditedChange';
import { diffRecord } from './diffRecord';
import type { DomainEvent } from './QmsOptions';

export interface TransitionInput {
  principal: Principal;
  recordType: RecordType;
  current: RecordBase;
  expectedVersion: number;
  event: string;
  reason?: string;
  signature?: SignatureInput;
  related?: Record<string, RelatedCount>;
  source: Record<string, unknown> | null;
  now: Date;
}

/** How each refusal of the machine reads over HTTP. */
const refusalStatus = {
  unknown_event: 422,
  not_allowed_in_state: 409,
  reason_required: 422,
  missing_fields: 422,
  segregation_of_duties: 403,
  guard_failed: 409,
} as const;

/**
 * Decides a lifecycle move by running the record type's machine, then checks the signature
 * the move's meta asks for. Pure up to here: the caller verifies the signer's credentials
 * between `decideTransition` and `applyTransition`, outside any transaction.
 */
export function decideTransition(input: TransitionInput) {
  const outcome = evaluateTransition(input.recordType, input.current as never, {
    type: input.event,
    actorId: input.principal.userId,
    reason: input.reason,
    at: input.now.toISOString(),
    related: input.related,
  });
  if (!outcome.ok) {
    throw problems.transitionRefused(
      refusalStatus[outcome.code],
      outcome.detail,
      outcome.code,
      outcome.errors,
    );
  }
  const meaning = outcome.meta.signature;
  if (meaning) {
    if (!input.signature) {
      throw problems.validation(
        `${input.event} needs an electronic signature (${meaning}).`,
        [{ pointer: '/signature', detail: 'A signature is required for this step.' }],
        'signature_required',
      );
    }
    if (input.signature.meaning !== meaning) {
      throw problems.validation(
        `${input.event} is signed with the meaning "${meaning}".`,
        [{ pointer: '/signature/meaning', detail: `Expected ${meaning}.` }],
        'signature_meaning_mismatch',
      );
    }
  } else if (input.signature) {
    throw problems.validation(
      `${input.event} takes no signature.`,
      [{ pointer: '/signature', detail: 'This step is not signed.' }],
      'signature_not_expected',
    );
  }
  return outcome;
}

/**
 * Stores the move: the new state and version, the signature bound to the hash of exactly
 * the version it produced (21 CFR 11.70), and the audit entries — one transaction.
 */
export async function applyTransition(
  trx: Transaction<Database>,
  input: TransitionInput,
  outcome: ReturnType<typeof decideTransition>,
  signerName: string,
): Promise<{ record: RecordBase; events: DomainEvent[] }> {
  const { recordType, current, principal } = input;
  const at = input.now.toISOString();
  const next = { ...(outcome.record as RecordBase), version: current.version + 1, updatedAt: at };
  const stored = await updateRecordIfVersion(trx, recordType, next, input.expectedVersion);
  if (!stored) throw problems.stale(current.version);
  const events = [
    await recordAuditedChange(trx, {
      principal,
      recordType,
      record: next,
      action: 'transition',
      eventVerb: 'transitioned',
      changes: diffRecord(current, next),
      reason: input.reason ?? null,
      stateFrom: outcome.from,
      stateTo: outcome.to,
      source: input.source,
      at,
      data: { event: input.event, from: outcome.from, to: outcome.to },
    }),
  ];
  const meaning = outcome.meta.signature;
  if (meaning) {
    const signature = {
      id: uuidv7(),
      orgId: principal.orgId,
      recordType: recordType.name,
      recordId: next.id,
      recordVersion: next.version,
      contentHash: await recordContentHash(next),
      signerId: principal.userId,
      signerName,
      meaning,
      event: input.event,
      signedAt: at,
    };
    await insertSignature(trx, signature);
    events.push(
      await recordAuditedChange(trx, {
        principal,
        recordType,
        record: next,
        action: 'signature',
        eventVerb: 'signed',
        changes: [
          {
            field: 'signature',
            old: null,
            new: {
              signatureId: signature.id,
              signerName,
              meaning,
              recordVersion: signature.recordVersion,
              contentHash: signature.contentHash,
            },
          },
        ],
        reason: input.reason ?? null,
        source: input.source,
        at,
        data: {
          signatureId: signature.id,
          meaning,
          event: input.event,
          contentHash: signature.contentHash,
          manifestation: signatureManifestation(signature),
        },
      }),
    );
  }
  return { record: next, events };
}
