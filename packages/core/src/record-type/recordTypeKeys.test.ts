// Type tests: `tsc` (the package's typecheck) fails when a name the server refuses type-checks.
import { describe, expectTypeOf, it } from 'vitest';
import type { deviation } from '../deviation';
import type { finding } from '../finding';
import type { RecordType } from './defineRecordType';
import type { EventOf, FilterFieldOf, SortFieldOf, SortKeyOf } from './recordTypeKeys';

describe('the names a record type’s requests may use', () => {
  it('are its own lifecycle’s events', () => {
    expectTypeOf<EventOf<typeof finding>>().toEqualTypeOf<'SUBMIT_RESPONSE' | 'VERIFY' | 'REJECT_RESPONSE'>();
    expectTypeOf<'APPROVE_FINAL'>().toExtend<EventOf<typeof deviation>>();
    // @ts-expect-error a finding has no APPROVE_FINAL
    expectTypeOf<'APPROVE_FINAL'>().toExtend<EventOf<typeof finding>>();
  });

  it('are its own sort fields and the base ones, either way round', () => {
    expectTypeOf<SortFieldOf<typeof finding>>().toEqualTypeOf<
      'createdAt' | 'updatedAt' | 'number' | 'classification' | 'dueAt' | 'title'
    >();
    expectTypeOf<'-severity'>().toExtend<SortKeyOf<typeof deviation>>();
    // @ts-expect-error a deviation's description is searched, not sorted
    expectTypeOf<'description'>().toExtend<SortKeyOf<typeof deviation>>();
    // @ts-expect-error no such field
    expectTypeOf<'-colour'>().toExtend<SortKeyOf<typeof deviation>>();
  });

  it('are its own filter fields, `state` and `ownerId`', () => {
    expectTypeOf<FilterFieldOf<typeof finding>>().toEqualTypeOf<
      'state' | 'ownerId' | 'auditId' | 'classification'
    >();
  });

  it('are any string for a record type known only at run time', () => {
    expectTypeOf<EventOf<RecordType>>().toEqualTypeOf<string>();
    expectTypeOf<SortFieldOf<RecordType>>().toEqualTypeOf<string>();
  });
});
