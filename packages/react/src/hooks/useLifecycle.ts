import {
  type AvailableEvent,
  availableEvents,
  can,
  type EventOf,
  type FieldIssue,
  type RecordBase,
  type RecordOf,
  type RecordType,
  type Refusal,
  type RelatedCount,
  type SignatureMeaning,
} from '@masetra/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useQms } from '../provider/useQms';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/** One lifecycle move as the action bar offers it; `TEvent` names the record type's events. */
export interface LifecycleMove<TEvent extends string = string> {
  event: TEvent;
  /** Whether the machine would take the move now, for this user. */
  enabled: boolean;
  /** The move asks for a written reason. */
  needsReason: boolean;
  /** The move is signed with this meaning; the user re-authenticates. */
  signature: SignatureMeaning | undefined;
  /** What a guarded move needs, as the machine describes it. */
  requires: string | undefined;
  /** Fields the target state requires and the record lacks (JSON pointers). */
  missingFields: FieldIssue[];
  /**
   * Why a disabled move is refused: its code, the machine's words, any fields, and for
   * segregation of duties the role the user already holds (owner, author, reviewer, requester).
   */
  refusal: Refusal | undefined;
}

export interface Lifecycle<TEvent extends string = string> {
  /** The moves the record's state knows that this user's roles allow, enabled or with their refusal. */
  moves: LifecycleMove<TEvent>[];
  /** The record is in a final state (closed, cancelled, ...). */
  isFinal: boolean;
  /** Counts of related records (an audit's open findings) still loading; moves that need them wait. */
  isLoadingRelated: boolean;
}

// The machine offers only the events it declares, so its event's name is one of `TEvent`.
function moveOf<TEvent extends string>(event: AvailableEvent): LifecycleMove<TEvent> {
  return {
    event: event.type as TEvent,
    enabled: event.enabled,
    needsReason: event.meta.reason === true,
    signature: event.meta.signature,
    requires: event.meta.requires,
    missingFields: event.refusal?.code === 'missing_fields' ? event.refusal.errors : [],
    refusal: event.refusal,
  };
}

/**
 * The lifecycle moves of a record for the signed-in principal: exactly the events the record
 * type's machine knows in this state (`availableEvents` of core, the same machine the server
 * runs) that `can` lets this user's roles take, each enabled or with the reason it is refused
 * (segregation of duties, missing fields, a guard), and what it needs (a reason, a signature).
 *
 * @example
 * const { moves } = useLifecycle(recordTypes.deviation, deviation);
 * moves.filter((move) => move.enabled).map((move) => move.event); // ['REJECT', 'REQUEST_CANCELLATION']
 */
export function useLifecycle<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  record: RecordOf<T> | undefined,
): Lifecycle<EventOf<T>> {
  const { client, principal, registry } = useQms();
  const type = useRecordType(recordType);
  const base = record as RecordBase | undefined;
  const links = type.related ?? [];

  // Guards such as "every finding closed" read counts the server gathers; gather the same.
  const related = useQueries({
    queries: links.map((link) => {
      const childType = registry.byName(link.type);
      return {
        queryKey: [...qmsKeys.related(type.name, base?.id ?? ''), link.type],
        enabled: base !== undefined && childType !== undefined,
        queryFn: async ({ signal }: { signal: AbortSignal }): Promise<RelatedCount> => {
          const children = client.records(childType as RecordType);
          let total = 0;
          let open = 0;
          for await (const child of children.iterate(
            { [link.foreignKey]: base?.id, limit: 200 } as Parameters<typeof children.iterate>[0],
            { signal },
          )) {
            total += 1;
            if (!childType?.finalStates.includes((child as RecordBase).state)) open += 1;
          }
          return { open, total };
        },
      };
    }),
  });
  const relatedData = related.map((query) => query.data);
  const isLoadingRelated = related.some((query) => query.isPending && query.fetchStatus !== 'idle');
  const relatedKey = JSON.stringify(relatedData);

  // biome-ignore lint/correctness/useExhaustiveDependencies: relatedKey stands for relatedData's content
  const moves = useMemo(() => {
    if (!base || !principal) return [];
    const counts: Record<string, RelatedCount> = {};
    links.forEach((link, index) => {
      const count = relatedData[index];
      if (count) counts[link.type] = count;
    });
    // The browser's clock offers a move that is due (a periodic review); the server decides with its own.
    return availableEvents(type, base as RecordOf<T>, {
      actorId: principal.userId,
      related: counts,
      at: new Date().toISOString(),
    })
      .filter((event) => can(principal, type, { event: event.type }))
      .map(moveOf<EventOf<T>>);
  }, [base, principal, type, relatedKey]);

  return {
    moves,
    isFinal: base !== undefined && type.finalStates.includes(base.state),
    isLoadingRelated,
  };
}
