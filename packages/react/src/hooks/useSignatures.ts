import type { RecordType, Signature } from '@masetra/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/** A record's electronic signatures, each with its manifestation (printed name, meaning, time). */
export function useSignatures<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string | undefined,
): UseQueryResult<Signature[], Error> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  return useQuery({
    queryKey: qmsKeys.signatures(type.name, id ?? ''),
    queryFn: async ({ signal }) => (await client.records(type).signatures(id as string, { signal })).items,
    enabled: id !== undefined && id !== '',
  });
}
