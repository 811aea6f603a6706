import type { RecordChanges } from '@masetra/client';
import type { RecordOf, RecordType } from '@masetra/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

export interface UpdateRecordVariables<T extends RecordType = RecordType> {
  id: string;
  changes: RecordChanges<T>;
  /** Why, once the record is past draft; recorded in the audit trail. */
  reason?: string;
  /** The version the change is based on (`If-Match`): the one the screen shows. */
  version?: number;
}

/**
 * Changes fields of a record, guarded by its version: a change someone else made meanwhile
 * is refused (412), not overwritten.
 *
 * @example
 * const update = useUpdateRecord('deviation');
 * update.mutate({ id, version: deviation.version, changes: { area: 'Cold room 2' }, reason: 'Area corrected' });
 */
export function useUpdateRecord<T extends RecordType>(
  recordType: RecordTypeRef<T>,
): UseMutationResult<RecordOf<T>, Error, UpdateRecordVariables<T>> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes, reason, version }: UpdateRecordVariables<T>) =>
      client.records(type).update(id, changes, { reason, version }),
    onSuccess: async (record) => {
      queryClient.setQueryData(qmsKeys.record(type.name, record.id), record);
      await queryClient.invalidateQueries({ queryKey: qmsKeys.records(type.name) });
      await queryClient.invalidateQueries({ queryKey: qmsKeys.chainVerification() });
    },
  });
}
