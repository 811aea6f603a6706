import { assign } from 'xstate';
import type * as z from 'zod/mini';
import type { LifecycleEvent } from './lifecycleEvent';
import type { RecordBase } from './recordBase';

/** The zod schema a record must satisfy on entering each state. */
export type RequiredFields = Readonly<Partial<Record<string, z.ZodMiniType>>>;

interface GuardArgs<TRecord> {
  context: TRecord;
  event: LifecycleEvent;
}

/** Neither the record's owner nor its creator: the only people who may sign its approvals. */
export function isIndependentOf(record: Pick<RecordBase, 'ownerId' | 'createdBy'>, actorId: string): boolean {
  return actorId !== record.ownerId && actorId !== record.createdBy;
}

/**
 * Who holds which role in a record's current approval chain: the author and the reviewer of a
 * document's version, the requester of a CAPA's pending extension. A record type that has one
 * says so (`approvalChain` of `defineRecordType`); its machine's guards and the explanation of a
 * segregation-of-duties refusal both read it, so they cannot disagree.
 */
export interface ApprovalChain<TRole extends string = string> {
  /** What the chain signs, as a refusal names it: `DOC-2026-0001 v0.2`, `the extension request of CAPA-2026-0007`. */
  subject: string;
  /** The user who holds each role so far; a role nobody has taken yet is absent. */
  holders: Readonly<Partial<Record<TRole, string>>>;
}

/**
 * A guard for a machine's `setup({ guards })`: the actor holds none of the given roles in the
 * record's current approval chain (a document's reviewer may not also approve it).
 *
 * @example
 * guards: { actorHoldsNoRole: actorHoldsNoRoleIn(documentApprovalChain) },
 * // APPROVE: { guard: { type: 'actorHoldsNoRole', params: { roles: ['author', 'reviewer'] } } }
 */
export function actorHoldsNoRoleIn<TRecord, TRole extends string>(
  chainOf: (record: TRecord) => ApprovalChain<TRole>,
) {
  return ({ context, event }: GuardArgs<TRecord>, params: { roles: readonly TRole[] }) => {
    const { holders } = chainOf(context);
    return params.roles.every((role) => holders[role] !== event.actorId);
  };
}

/**
 * Guards and actions every lifecycle machine shares. Each record type spreads them into
 * its own `setup({ guards })`, so required fields and segregation of duties are decided
 * by running the machine, never by a second hand-written check.
 */
export function sharedGuards<TRecord extends RecordBase>(requiredFields: RequiredFields) {
  return {
    fieldsReadyFor: ({ context }: GuardArgs<TRecord>, params: { state: string }) =>
      requiredFields[params.state]?.safeParse(context).success ?? true,
    // Segregation of duties. An approval needs someone independent of the record: neither its
    // owner nor whoever raised it (else a creator could name another owner and approve it).
    // A verification needs someone other than the owner, who did the work: the auditor who
    // raised a finding is the one who verifies the auditee's response to it.
    actorIsIndependent: ({ context, event }: GuardArgs<TRecord>) => isIndependentOf(context, event.actorId),
    actorIsNotOwner: ({ context, event }: GuardArgs<TRecord>) => event.actorId !== context.ownerId,
    // Fails closed: a server that sent no count has not shown that nothing is open.
    relatedAllClosed: ({ event }: GuardArgs<TRecord>, params: { type: string }) =>
      event.related?.[params.type]?.open === 0,
    returnsTo: ({ context }: GuardArgs<TRecord>, params: { state: string }) =>
      context.stateBeforeCancellation === params.state,
  };
}

/** Remembers where a cancellation request came from, so a rejection can return there. */
export function rememberStateBeforeCancellation<TRecord extends RecordBase>() {
  return assign<TRecord, LifecycleEvent, { state: string }, LifecycleEvent, never>(
    (_args, params) => ({ stateBeforeCancellation: params.state }) as Partial<TRecord>,
  );
}

export const forgetStateBeforeCancellation = assign(() => ({ stateBeforeCancellation: null }));
