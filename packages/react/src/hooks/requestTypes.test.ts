// Type tests: `pnpm typecheck` (tsc) fails when a hook accepts an event or a list key the
// record type does not have; at run time these assertions do nothing. The server would refuse such a request
// with a 400; the types refuse it before it is written.
import { type EventOf, recordTypes } from '@masetra/core';
import { describe, expectTypeOf, it } from 'vitest';
import { useLifecycle } from './useLifecycle';
import { type RecordQuery, useRecords } from './useRecords';
import { useTransition } from './useTransition';

const { deviation, finding } = recordTypes;

/** A screen as a host writes one: the types come from the record type handed to each hook. Never called. */
function useDeviationScreen() {
  const transition = useTransition(deviation);
  const records = useRecords(deviation, {
    sort: '-severity',
    filters: { severity: 'major', state: 'draft' },
  });
  const lifecycle = useLifecycle(deviation, records.data?.[0]);
  return { transition, lifecycle };
}
type DeviationScreen = ReturnType<typeof useDeviationScreen>;
type DeviationMove = Parameters<DeviationScreen['transition']['mutate']>[0];

describe('useTransition', () => {
  it('takes the events of the record type it was given, and no other', () => {
    expectTypeOf<DeviationMove['event']>().toEqualTypeOf<EventOf<typeof deviation>>();
    expectTypeOf({ id: 'd1', event: 'APPROVE_FINAL' as const }).toExtend<DeviationMove>();
    // @ts-expect-error VERIFY is a finding's event, not a deviation's
    expectTypeOf({ id: 'd1', event: 'VERIFY' as const }).toExtend<DeviationMove>();
    // @ts-expect-error no lifecycle has this event
    expectTypeOf({ id: 'd1', event: 'PUBLISH' as const }).toExtend<DeviationMove>();
  });

  it('takes any event name for a record type known only by name at run time', () => {
    expectTypeOf<
      Parameters<ReturnType<typeof useTransition>['mutate']>[0]['event']
    >().toEqualTypeOf<string>();
  });
});

describe('useLifecycle', () => {
  it('offers moves named by the record type’s events, ready for useTransition', () => {
    expectTypeOf<DeviationScreen['lifecycle']['moves'][number]['event']>().toEqualTypeOf<
      EventOf<typeof deviation>
    >();
  });
});

describe('useRecords', () => {
  type FindingQuery = RecordQuery<typeof finding>;

  it('sorts by the record type’s sort fields and the base ones, either way round', () => {
    expectTypeOf({ sort: '-dueAt' as const }).toExtend<FindingQuery>();
    expectTypeOf({ sort: 'number' as const }).toExtend<FindingQuery>();
    // @ts-expect-error a finding is searched by its description, not sorted by it
    expectTypeOf({ sort: 'description' as const }).toExtend<FindingQuery>();
    // @ts-expect-error severity is a deviation's field
    expectTypeOf({ sort: '-severity' as const }).toExtend<FindingQuery>();
  });

  it('filters by the record type’s filter fields, its state and its owner', () => {
    expectTypeOf({
      filters: { classification: 'major', state: 'open', ownerId: 'u1' },
    }).toExtend<FindingQuery>();
    // @ts-expect-error a finding has no filter on its title
    expectTypeOf({ filters: { title: 'Mapping' } }).toExtend<FindingQuery>();
  });

  it('infers the query’s record type from the record type handed to the hook', () => {
    expectTypeOf<Parameters<typeof useRecords<typeof finding>>[1]>().toEqualTypeOf<
      FindingQuery | undefined
    >();
    // @ts-expect-error `kind` sorts CAPAs; the query belongs to the deviation handed in
    expectTypeOf(() => useRecords(deviation, { sort: 'kind' })).toBeFunction();
  });
});
