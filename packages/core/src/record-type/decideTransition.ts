import type { SignatureInput } from '../entities/signature';
import type { RecordOf, RecordType } from './defineRecordType';
import type { FieldIssue } from './fieldIssues';
import { evaluateTransition, type RefusalCode, type TransitionOutcome } from './lifecycle';
import type { LifecycleEvent } from './lifecycleEvent';
import type { TransitionMeta } from './transitionMeta';

/** Why a move was refused for the signature sent with it (its credentials are checked later). */
export type SignatureCheckCode =
  | 'signature_required'
  | 'signature_meaning_mismatch'
  | 'signature_not_expected';

/** Every reason `decideTransition` refuses a move for: the machine's, then the signature's. */
export type TransitionRefusalCode = RefusalCode | SignatureCheckCode;

/** A move the machine takes: the state it leaves and enters, the record after it, its meta. */
export type AcceptedTransition<TRecord> = Extract<TransitionOutcome<TRecord>, { ok: true }>;

/** A move refused, with a stable code a client can branch on and a pointer per field at fault. */
export interface TransitionRefusal {
  ok: false;
  code: TransitionRefusalCode;
  detail: string;
  errors: FieldIssue[];
  meta?: TransitionMeta;
}

export type TransitionDecision<TRecord> = AcceptedTransition<TRecord> | TransitionRefusal;

/** A lifecycle move as asked for: the machine's event plus the signature sent with it, if any. */
export interface TransitionRequest extends LifecycleEvent {
  /**
   * The signature sent with the move, as the client sends it. Only its declared meaning is
   * decided on here; the credentials are the host's to verify, after an accepted decision.
   */
  signature?: Pick<SignatureInput, 'meaning'> & Partial<SignatureInput>;
}

/**
 * Decides a lifecycle move: runs the record type's machine (`evaluateTransition`), then checks
 * that the signature sent with the move is the one its meta asks for: present when the move is
 * signed, with the same meaning, and absent when it is not. Pure: the server and the Storybook
 * fixture server both ask this, so they refuse the same moves with the same codes. Verifying
 * the signer's credentials is the host's, after an accepted decision.
 *
 * @example
 * const decision = decideTransition(recordTypes.deviation, deviation, {
 *   type: 'APPROVE',
 *   actorId: 'user-dana',
 *   signature: { meaning: 'approval' },
 * });
 * if (!decision.ok) return problemFor(decision.code, decision.detail, decision.errors);
 */
export function decideTransition<T extends RecordType>(
  recordType: T,
  record: RecordOf<T>,
  request: TransitionRequest,
): TransitionDecision<RecordOf<T>> {
  const { signature, ...event } = request;
  const outcome = evaluateTransition(recordType, record, event);
  if (!outcome.ok) return outcome;
  const meaning = outcome.meta.signature;
  if (meaning && !signature) {
    return refuse(
      'signature_required',
      `${event.type} needs an electronic signature (${meaning}).`,
      {
        pointer: '/signature',
        detail: 'A signature is required for this step.',
      },
      outcome.meta,
    );
  }
  if (meaning && signature && signature.meaning !== meaning) {
    return refuse(
      'signature_meaning_mismatch',
      `${event.type} is signed with the meaning "${meaning}".`,
      {
        pointer: '/signature/meaning',
        detail: `Expected ${meaning}.`,
      },
      outcome.meta,
    );
  }
  if (!meaning && signature) {
    return refuse(
      'signature_not_expected',
      `${event.type} takes no signature.`,
      {
        pointer: '/signature',
        detail: 'This step is not signed.',
      },
      outcome.meta,
    );
  }
  return outcome;
}

function refuse(
  code: SignatureCheckCode,
  detail: string,
  issue: FieldIssue,
  meta: TransitionMeta,
): TransitionRefusal {
  return { ok: false, code, detail, errors: [issue], meta };
}
