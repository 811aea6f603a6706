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
