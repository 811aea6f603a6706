import type { RecordType } from '@masetra/core';
import { useQms } from '../provider/useQms';

/** A record type given by value, or by its name in the provider's registry. */
export type RecordTypeRef<T extends RecordType = RecordType> = T | string;

/** Resolves a record type by name through the provider's registry; throws on an unknown name. */
export function useRecordType<T extends RecordType = RecordType>(recordType: RecordTypeRef<T>): T {
  const { registry } = useQms();
  if (typeof recordType !== 'string') return recordType;
  const found = registry.byName(recordType);
  if (!found) throw new TypeError(`No record type named ${recordType} in the registry`);
  return found as T;
}
