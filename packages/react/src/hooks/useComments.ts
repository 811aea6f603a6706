import type { Comment, RecordType } from '@masetra/core';
import {
  type UseInfiniteQueryResult,
  type UseMutationResult,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { flattenPages } from './flattenPages';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/** A record's discussion, oldest first, page by page. */
export function useComments<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string | undefined,
): UseInfiniteQueryResult<Comment[], Error> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  return useInfiniteQuery({
    queryKey: qmsKeys.comments(type.name, id ?? ''),
    queryFn: ({ pageParam, signal }) =>
      client.records(type).comments.list(id as string, { limit: 100, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    select: flattenPages<Comment>,
    enabled: id !== undefined && id !== '',
  });
}

/** Posts a comment on a record. */
export function useAddComment<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string,
): UseMutationResult<Comment, Error, string> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => client.records(type).comments.create(id, { body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: qmsKeys.comments(type.name, id) });
      await queryClient.invalidateQueries({ queryKey: qmsKeys.auditTrail(type.name, id) });
    },
  });
}
