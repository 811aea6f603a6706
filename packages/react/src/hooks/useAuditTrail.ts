import type { AuditChainVerification, AuditTrailEntry, RecordType } from '@masetra/core';
import {
  type UseInfiniteQueryResult,
  type UseQueryResult,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { flattenPages } from './flattenPages';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/**
 * A record's audit-trail entries, oldest first, page by page.
 *
 * @example
 * const { data: entries = [] } = useAuditTrail('deviation', id);
 */
export function useAuditTrail<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string | undefined,
): UseInfiniteQueryResult<AuditTrailEntry[], Error> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  return useInfiniteQuery({
    queryKey: qmsKeys.auditTrail(type.name, id ?? ''),
    queryFn: ({ pageParam, signal }) =>
      client.records(type).auditTrail(id as string, { limit: 200, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    select: flattenPages<AuditTrailEntry>,
    enabled: id !== undefined && id !== '',
  });
}

/**
 * The server's recomputation of the organization's audit-trail hash chain:
 * `{ ok: true, entries, headHash }`, or `{ ok: false, brokenAt }` when an entry was altered.
 */
export function useChainVerification(
  options: { enabled?: boolean } = {},
): UseQueryResult<AuditChainVerification, Error> {
  const { client } = useQms();
  return useQuery({
    queryKey: qmsKeys.chainVerification(),
    queryFn: ({ signal }) => client.auditTrail.verify({ signal }),
    enabled: options.enabled ?? true,
  });
}
