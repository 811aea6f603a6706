import { type AnyMachineSnapshot, getNextTransitions, transition } from 'xstate';
import type { RecordOf, RecordType } from './defineRecordType';
import { type FieldIssue, fieldIssuesOf } from './fieldIssues';
import { type LifecycleEvent, SYSTEM_ACTOR } from './lifecycleEvent';
import { isIndependentOf } from './lifecycleGuards';
import type { RecordBase } from './recordBase';
import type { SignatureMeaning } from './signatureMeaning';
import type { TransitionMeta } from './transitionMeta';

/** Why the machine refused a move. */
export type RefusalCode =
  | 'unknown_event'
  | 'not_allowed_in_state'
  | 'reason_required'
  | 'invalid_data'
  | 'missing_fields'
  | 'segregation_of_duties'
  | 'guard_failed';

/** Why the machine refused a move, in words and, for a screen, in codes. */
export interface Refusal {
  code: RefusalCode;
  detail: string;
  errors: FieldIssue[];
  /**
   * For `segregation_of_duties`: the role the actor already holds that bars them, `owner`,
   * `originator`, or a role of the record's approval chain (`author`, `reviewer`, `requester`).
   */
  role?: string;
}

export type TransitionOutcome<TRecord> =
  | { ok: true; from: string; to: string; record: TRecord; meta: TransitionMeta }
  | ({ ok: false; meta?: TransitionMeta } & Refusal);

/** A move the record's current state knows, and whether the machine would take it now. */
export interface AvailableEvent {
  type: string;
  meta: TransitionMeta;
  enabled: boolean;
  /** When not enabled: why, in the words a refusal would use. */
  refusal?: Refusal;
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

/** Any id but the actor's: asks whether the actor's identity alone bars them from a move. */
const SOMEONE_ELSE = '\u0000someone-independent';

/** The role that bars an actor from a move, and what it is a role in. */
interface Segregation {
  role: string;
  /** A role of the record's approval chain (author, reviewer, requester) rather than its owner or originator. */
  inChain: boolean;
  subject: string;
}

/**
 * Whether segregation of duties is what refuses this actor: they hold a role in the record (its
 * owner, its originator, the author or reviewer of this version, the requester of a pending
 * extension), and the same move by someone else would be taken right now. Asked of the machine,
 * so the explanation follows whichever guards the record type put on the move; when the actor
 * holds several roles, the one that bars them is named.
 */
function barredBySegregation(
  recordType: RecordType,
  snapshot: AnyMachineSnapshot,
  event: LifecycleEvent,
): Segregation | null {
  const record = snapshot.context as RecordBase;
  const chain = recordType.approvalChain?.(record as never);
  const chainRole = Object.entries(chain?.holders ?? {}).find(([, holder]) => holder === event.actorId)?.[0];
  const ownsRecord = !isIndependentOf(record, event.actorId);
  if (!chainRole && !ownsRecord) return null;
  if (enabledTransition(snapshot, { ...event, actorId: SOMEONE_ELSE }) === undefined) return null;
  const recordRole = {
    role: event.actorId === record.ownerId ? 'owner' : 'originator',
    inChain: false,
    subject: record.number,
  };
  if (!chainRole || !chain) return recordRole;
  const asChainRole = { role: chainRole, inChain: true, subject: chain.subject };
  if (!ownsRecord) return asChainRole;
  // Both: with someone else as owner and originator, is the actor still barred? Then by the chain.
  const unowned = snapshotOf(recordType, { ...record, ownerId: SOMEONE_ELSE, createdBy: SOMEONE_ELSE });
  return enabledTransition(unowned, event) === undefined ? asChainRole : recordRole;
}

/** The verb a refusal uses for a move: what its signature declares, else the event's first word. */
const signingVerbs: Record<SignatureMeaning, string> = {
  authorship: 'author',
  review: 'review',
  approval: 'approve',
  verification: 'verify',
  responsibility: 'sign',
  read_and_understood: 'acknowledge',
};

function verbOf(meta: TransitionMeta, eventType: string): string {
  return meta.signature ? signingVerbs[meta.signature] : (eventType.split('_')[0] ?? eventType).toLowerCase();
}

function segregationDetail(barred: Segregation, meta: TransitionMeta, eventType: string): string {
  return barred.inChain
    ? `The ${barred.role} of ${barred.subject} may not also ${verbOf(meta, eventType)} it.`
    : `The ${barred.role} of ${barred.subject} may not sign its ${meta.signature ?? 'approval'}.`;
}

/** Explains why none of the candidate transitions was enabled, from what the guards check. */
function explainRefusal(
  recordType: RecordType,
  snapshot: AnyMachineSnapshot,
  event: LifecycleEvent,
  candidates: ReturnType<typeof candidatesFor>,
): Refusal {
  const record = snapshot.context as RecordBase;
  const meta = metaOf(candidates[0]);
  const barred = barredBySegregation(recordType, snapshot, event);
  if (barred) {
    return {
      code: 'segregation_of_duties',
      detail: segregationDetail(barred, meta, event.type),
      errors: [],
      role: barred.role,
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

type DataCheck = { ok: true; event: LifecycleEvent } | { ok: false; detail: string; errors: FieldIssue[] };

/**
 * The event with its `data` parsed by the shape the move's meta declares, or why the data does
 * not hold. A move that declares no shape takes no data, so nothing unchecked reaches a guard.
 */
function checkData(event: LifecycleEvent, candidates: ReturnType<typeof candidatesFor>): DataCheck {
  const shape = candidates.map(metaOf).find((meta) => meta.data)?.data;
  if (!shape) {
    return event.data === undefined
      ? { ok: true, event }
      : {
          ok: false,
          detail: `${event.type} takes no data.`,
          errors: [{ pointer: '/data', detail: 'This step carries no data.' }],
        };
  }
  const parsed = shape.safeParse(event.data);
  if (parsed.success) return { ok: true, event: { ...event, data: parsed.data } };
  return {
    ok: false,
    detail: `${event.type} needs data of its own: ${parsed.error.issues.length} problem(s) with it.`,
    errors: fieldIssuesOf(parsed.error, '/data'),
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
  const checked = checkData(event, candidates);
  const taken = checked.ok ? enabledTransition(snapshot, checked.event) : undefined;
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
  if (!checked.ok) {
    return { ok: false, code: 'invalid_data', detail: checked.detail, errors: checked.errors, meta };
  }
  if (!taken) {
    return { ok: false, ...explainRefusal(recordType, snapshot, checked.event, candidates), meta };
  }
  const [next] = transition(recordType.machine, snapshot, checked.event);
  const to = String(next.value);
  return { ok: true, from: base.state, to, record: { ...next.context, state: to } as RecordOf<T>, meta };
}

/**
 * The moves the current state knows that a person takes with at most a reason and a signature,
 * each with whether this actor could take it now. Moves that carry data (`TransitionMeta.data`)
 * are left to the screens that collect it.
 */
export function availableEvents<T extends RecordType>(
  recordType: T,
  record: RecordOf<T>,
  /**
   * Who would act, the related counts guards read, and the moment (ISO 8601): a move whose guard
   * reads the clock (a periodic review that is due) is offered only with it. The server decides
   * again with its own clock.
   */
  context: Pick<LifecycleEvent, 'actorId' | 'related' | 'at'>,
): AvailableEvent[] {
  const base = record as RecordBase;
  const snapshot = snapshotOf(recordType, base);
  const seen = new Map<string, AvailableEvent>();
  for (const candidate of getNextTransitions(snapshot)) {
    const type = candidate.eventType;
    if (seen.has(type) || type.startsWith('xstate.')) continue;
    // System moves are the scheduler's; moves with data are taken from a screen that collects it.
    if (metaOf(candidate).system || metaOf(candidate).data) continue;
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
