import type { RecordOf, RecordType } from '@masetra/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/**
 * One record, by id. Its `version` is what a change made from this screen sends as `If-Match`.
 *
 * @example
 * const { data: deviation, isPending, error } = useRecord('deviation', id);
 */
export function useRecord<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string | undefined,
): UseQueryResult<RecordOf<T>, Error> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  return useQuery({
    queryKey: qmsKeys.record(type.name, id ?? ''),
    queryFn: ({ signal }) => client.records(type).get(id as string, { signal }),
    enabled: id !== undefined && id !== '',
  });
}
