import type { RecordCreateInput } from '@masetra/client';
import type { RecordOf, RecordType } from '@masetra/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/**
 * Creates a draft record. Lists of the type refresh; the new record is cached for its detail.
 *
 * @example
 * const create = useCreateRecord(recordTypes.deviation);
 * const deviation = await create.mutateAsync({ title: 'Temperature excursion', severity: 'major' });
 */
export function useCreateRecord<T extends RecordType>(
  recordType: RecordTypeRef<T>,
): UseMutationResult<RecordOf<T>, Error, RecordCreateInput<T>> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordCreateInput<T>) => client.records(type).create(input),
    onSuccess: async (record) => {
      queryClient.setQueryData(qmsKeys.record(type.name, record.id), record);
      await queryClient.invalidateQueries({ queryKey: qmsKeys.allRecords() });
    },
  });
}
