import type { EventOf, RecordOf, RecordType, SignatureInput } from '@masetra/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/** One lifecycle move of a record of type `T`: only the events of `T`'s lifecycle type-check. */
export interface TransitionVariables<T extends RecordType = RecordType> {
  id: string;
  event: EventOf<T>;
  reason?: string;
  /** The re-authentication of a signed move (password, user name on a session's first signing, TOTP). */
  signature?: SignatureInput;
  /** The version the move is based on (`If-Match`): the one the screen shows. */
  version?: number;
  /** What the move carries, when its transition declares a shape for it (a CAPA extension's new due date). */
  data?: Record<string, unknown>;
}

/**
 * Moves a record through its lifecycle. Afterwards every cached record query refreshes
 * (related records such as an audit's findings may depend on the move), and so do the
 * audit-trail verification and notifications.
 *
 * Named after the domain's word; import it `as useQmsTransition` beside React's own `useTransition`.
 *
 * @example
 * const transition = useTransition(recordTypes.deviation);
 * await transition.mutateAsync({ id, version, event: 'REJECT', reason: 'Impact assessment incomplete' });
 */
export function useTransition<T extends RecordType>(
  recordType: RecordTypeRef<T>,
): UseMutationResult<RecordOf<T>, Error, TransitionVariables<T>> {
  const { client, signing } = useQms();
  const type = useRecordType(recordType);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, event, reason, signature, version, data }: TransitionVariables<T>) =>
      client.records(type).transition(id, { event, reason, signature, data }, { version }),
    // The variables carry the signer's password: keep the finished mutation no longer than needed.
    gcTime: 0,
    onSuccess: async (record, variables) => {
      if (variables.signature) signing.markSigned();
      queryClient.setQueryData(qmsKeys.record(type.name, record.id), record);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: qmsKeys.allRecords() }),
        queryClient.invalidateQueries({ queryKey: qmsKeys.chainVerification() }),
        queryClient.invalidateQueries({ queryKey: qmsKeys.notifications() }),
      ]);
    },
  });
}
