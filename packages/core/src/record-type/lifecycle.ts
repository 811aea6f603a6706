import { type AnyMachineSnapshot, getNextTransitions, transition } from 'xstate';
import type { RecordOf, RecordType } from './defineRecordType';
import { type FieldIssue, fieldIssuesOf } from './fieldIssues';
import { type LifecycleEvent, SYSTEM_ACTOR } from './lifecycleEvent';
import { isIndependentOf } from './lifecycleGuards';
import type { RecordBase } from './recordBase';
import type { TransitionMeta } from './transitionMeta';

/** Why the machine refused a move. */
export type RefusalCode =
  | 'unknown_event'
  | 'not_allowed_in_state'
  | 'reason_required'
  | 'missing_fields'
  | 'segregation_of_duties'
  | 'guard_failed';

export type TransitionOutcome<TRecord> =
  | { ok: true; from: string; to: string; record: TRecord; meta: TransitionMeta }
  | { ok: false; code: RefusalCode; detail: string; errors: FieldIssue[]; meta?: TransitionMeta };

/** A move the record's current state knows, and whether the machine would take it now. */
export interface AvailableEvent {
  type: string;
  meta: TransitionMeta;
  enabled: boolean;
  /** When not enabled: why, in the words a refusal would use. */
  refusal?: { code: RefusalCode; detail: string; errors: FieldIssue[] };
}

function snapshotOf(recordType: RecordType, record: RecordBase): AnyMachineSnapshot {
  return recordType.machine.resolveState({ value: record.state, context: record });
}

function candidatesFor(snapshot: AnyMachineSnapshot, eventType: string) {
  return getNextTransitions(snapshot).filter((candidate) => candidate.eventType === eventType);
}

function metaOf(candidate: { meta?: unknown } | undefined): TransitionMeta {
  return (candidate?.meta ?? {}) as TransitionMeta;
}

/**
 * The transition the machine would take for this event, if any. An event may have several
 * guarded branches with different meta, so the meta of a move is the meta of this one.
 */
function enabledTransition(snapshot: AnyMachineSnapshot, event: LifecycleEvent) {
  return snapshot.machine
    .getTransitionData(snapshot, event)
    .find((candidate) => candidate.target !== undefined || candidate.actions.length > 0);
}

/** Any id but the owner's or creator's: asks whether they alone are barred from a move. */
const SOMEONE_ELSE = '\u0000someone-independent';

/**
 * Whether segregation of duties is what refuses this actor: they own or raised the record,
 * and the same move by someone independent of it would be taken right now. Asked of the
 * machine, so the explanation follows whichever guard (`actorIsNotOwner`, `actorIsIndependent`)
 * the record type put on the move.
 */
function barredBySegregation(
  snapshot: AnyMachineSnapshot,
  event: LifecycleEvent,
): 'owner' | 'originator' | null {
  const record = snapshot.context as RecordBase;
  if (isIndependentOf(record, event.actorId)) return null;
  if (enabledTransition(snapshot, { ...event, actorId: SOMEONE_ELSE }) === undefined) return null;
  return event.actorId === record.ownerId ? 'owner' : 'originator';
}

/** Explains why none of the candidate transitions was enabled, from what the guards check. */
function explainRefusal(
  recordType: RecordType,
  snapshot: AnyMachineSnapshot,
  event: LifecycleEvent,
  candidates: ReturnType<typeof candidatesFor>,
): { code: RefusalCode; detail: string; errors: FieldIssue[] } {
  const record = snapshot.context as RecordBase;
  const meta = metaOf(candidates[0]);
  const barred = barredBySegregation(snapshot, event);
  if (barred) {
    return {
      code: 'segregation_of_duties',
      detail: `The ${barred} of ${record.number} may not sign its ${meta.signature ?? 'approval'}.`,
      errors: [],
    };
  }
  for (const candidate of candidates) {
    const target = candidate.target?.[0]?.key;
    const schema = target ? recordType.requiredFields[target] : undefined;
    const result = schema?.safeParse(record);
    if (result && !result.success) {
      return {
        code: 'missing_fields',
        detail: `${record.number} lacks what the state ${target} requires.`,
        errors: fieldIssuesOf(result.error),
      };
    }
  }
  return {
    code: 'guard_failed',
    detail: meta.requires ?? `${event.type} is not possible for ${record.number} now.`,
    errors: [],
  };
}

/**
 * Runs one lifecycle move through the record type's machine (XState's pure `transition`).
 * This is the only place a move is decided: the server persists what it returns, and the
 * action bar offers what `availableEvents` reports from the same machine.
 */
export function evaluateTransition<T extends RecordType>(
  recordType: T,
  record: RecordOf<T>,
  event: LifecycleEvent,
): TransitionOutcome<RecordOf<T>> {
  const base = record as RecordBase;
  if (!recordType.events.includes(event.type)) {
    return {
      ok: false,
      code: 'unknown_event',
      detail: `${recordType.name} has no event ${event.type}.`,
      errors: [],
    };
  }
  const snapshot = snapshotOf(recordType, base);
  const candidates = candidatesFor(snapshot, event.type);
  if (candidates.length === 0) {
    return {
      ok: false,
      code: 'not_allowed_in_state',
      detail: `${event.type} is not allowed while ${base.number} is ${base.state}.`,
      errors: [],
    };
  }
  const taken = enabledTransition(snapshot, event);
  const meta = metaOf(taken ?? candidates[0]);
  if (meta.system && event.actorId !== SYSTEM_ACTOR) {
    return {
      ok: false,
      code: 'guard_failed',
      detail: `${event.type} is taken by the system (a scheduled job), never by a person.`,
      errors: [],
      meta,
    };
  }
  if (meta.reason && !event.reason?.trim()) {
    return {
      ok: false,
      code: 'reason_required',
      detail: `${event.type} needs a reason.`,
      errors: [{ pointer: '/reason', detail: 'A reason is required for this step.' }],
      meta,
    };
  }
  if (!taken) {
    return { ok: false, ...explainRefusal(recordType, snapshot, event, candidates), meta };
  }
  const [next] = transition(recordType.machine, snapshot, event);
  const to = String(next.value);
  return { ok: true, from: base.state, to, record: { ...next.context, state: to } as RecordOf<T>, meta };
}

/** The moves the current state knows, each with whether this actor could take it now. */
export function availableEvents<T extends RecordType>(
  recordType: T,
  record: RecordOf<T>,
  context: Pick<LifecycleEvent, 'actorId' | 'related'>,
): AvailableEvent[] {
  const base = record as RecordBase;
  const snapshot = snapshotOf(recordType, base);
  const seen = new Map<string, AvailableEvent>();
  for (const candidate of getNextTransitions(snapshot)) {
    const type = candidate.eventType;
    if (seen.has(type) || type.startsWith('xstate.')) continue;
    if (metaOf(candidate).system) continue;
    // A reason is asked for when the move is taken, so it must not hide the move here.
    const event: LifecycleEvent = { type, ...context, reason: 'pending' };
    const taken = enabledTransition(snapshot, event);
    seen.set(type, {
      type,
      meta: metaOf(taken ?? candidate),
      enabled: taken !== undefined,
      refusal: taken ? undefined : explainRefusal(recordType, snapshot, event, candidatesFor(snapshot, type)),
    });
  }
  return [...seen.values()];
}

/** The state a new record starts in. */
export function initialStateOf(recordType: RecordType): string {
  return String(recordType.machine.config.initial);
}
