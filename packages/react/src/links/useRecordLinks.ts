import type { LinkInput, RecordLink, RecordType } from '@masetra/core';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { useQms } from '../provider/useQms';
import { isTraceKey } from './useTrace';

/** The query key of a record's links, under the record's own key so that reloading the record reloads them. */
export const linksKey = (recordType: string, id: string) =>
  [...qmsKeys.record(recordType, id), 'links'] as const;

/** A record's links in both directions, oldest first. */
export function useRecordLinks<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string,
): UseQueryResult<RecordLink[], Error> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  return useQuery({
    queryKey: linksKey(type.name, id),
    queryFn: async ({ signal }) =>
      (await client.records(type).links.list(id, { signal })).items as RecordLink[],
  });
}

/** After a link changes, both ends' links and trails are stale. */
async function invalidateEnds(
  queryClient: ReturnType<typeof useQueryClient>,
  self: { type: string; id: string },
  other: { type: string; id: string } | undefined,
) {
  for (const end of other ? [self, other] : [self]) {
    await queryClient.invalidateQueries({ queryKey: linksKey(end.type, end.id) });
    await queryClient.invalidateQueries({ queryKey: qmsKeys.auditTrail(end.type, end.id) });
  }
  await queryClient.invalidateQueries({ predicate: (query) => isTraceKey(query.queryKey) });
}

/** Adds a link to the record; the same link again is the one link. */
export function useAddLink<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string,
): UseMutationResult<RecordLink, Error, LinkInput> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (link: LinkInput) => (await client.records(type).links.add(id, link)) as RecordLink,
    onSuccess: (link) => invalidateEnds(queryClient, { type: type.name, id }, link.record),
  });
}

/** Removes a link of the record, with the reason both trails record. */
export function useRemoveLink<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string,
): UseMutationResult<RecordLink, Error, { linkId: string; reason: string }> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ linkId, reason }) =>
      (await client.records(type).links.remove(id, linkId, reason)) as RecordLink,
    onSuccess: (link) => invalidateEnds(queryClient, { type: type.name, id }, link.record),
  });
}
