import { initialStateOf, type RecordOf, type RecordType } from '@masetra/core';
import { v7 as uuidv7 } from 'uuid';

export interface SampleRecordBase {
  orgId: string;
  number: string;
  /** Creation time; now when left out. */
  at?: Date;
  ownerId?: string;
  state?: string;
}

/**
 * A record with every server-owned field filled in, for storage tests: the type's own
 * fields come from `fields` as given (no schema check: storage stores what it is handed).
 */
export function sampleRecord<T extends RecordType>(
  recordType: T,
  base: SampleRecordBase,
  fields: Record<string, unknown> = {},
): RecordOf<T> {
  const at = (base.at ?? new Date()).toISOString();
  return {
    ...fields,
    id: uuidv7(),
    orgId: base.orgId,
    type: recordType.name,
    number: base.number,
    state: base.state ?? initialStateOf(recordType),
    version: 1,
    ownerId: base.ownerId ?? 'user-owner',
    createdBy: base.ownerId ?? 'user-owner',
    createdAt: at,
    updatedAt: at,
    stateBeforeCancellation: null,
  } as RecordOf<T>;
}
