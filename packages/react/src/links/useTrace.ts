import type { RecordType, Trace } from '@masetra/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { useQms } from '../provider/useQms';

/** The query key of a record's trace, under the record's own key so that reloading the record reloads it. */
export const traceKey = (recordType: string, id: string) =>
  [...qmsKeys.record(recordType, id), 'trace'] as const;

/** Whether a query key is some record's trace: a link added anywhere may change any chain it is in. */
export const isTraceKey = (key: readonly unknown[]) => key[0] === 'masetra' && key[5] === 'trace';

/** A record's traceability chain, nearest first. */
export function useTrace<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string,
): UseQueryResult<Trace, Error> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  return useQuery({
    queryKey: traceKey(type.name, id),
    queryFn: async ({ signal }) => (await client.records(type).trace(id, { signal })) as Trace,
  });
}
