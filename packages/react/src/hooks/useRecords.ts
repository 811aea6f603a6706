import type { Page, RecordListQuery } from '@masetra/client';
import {
  DEFAULT_PAGE_SIZE,
  type FilterFieldOf,
  type RecordOf,
  type RecordType,
  type SortKeyOf,
} from '@masetra/core';
import { keepPreviousData, type UseInfiniteQueryResult, useInfiniteQuery } from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { flattenPages } from './flattenPages';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/**
 * What a list of records of type `T` asks the server for: order, search, exact-match filters and
 * page size. Only `T`'s sort keys and filter fields type-check, as the server accepts only those.
 */
export interface RecordQuery<T extends RecordType = RecordType> {
  /** A sort key, `-` first for descending: `-createdAt`, `title`. */
  sort?: SortKeyOf<T>;
  /** Full-text search. */
  q?: string;
  /** Exact-match filters by field (`state`, `ownerId`, the type's `filterFields`); several values comma-separated. */
  filters?: Readonly<Partial<Record<FilterFieldOf<T>, string | undefined>>>;
  /** Records per page (server maximum 200). */
  pageSize?: number;
}

/** The list query as the client sends it: empty filters dropped, so equal queries share a cache entry. */
function listQueryOf(query: RecordQuery): Record<string, string | number> {
  const params: Record<string, string | number> = { limit: query.pageSize ?? DEFAULT_PAGE_SIZE };
  if (query.sort) params.sort = query.sort;
  if (query.q?.trim()) params.q = query.q.trim();
  for (const [field, value] of Object.entries<string | undefined>(query.filters ?? {})) {
    if (value !== undefined && value !== '') params[field] = value;
  }
  return params;
}

/**
 * Records of one type, paged by the server's cursor: `data` holds every record loaded so far,
 * `fetchNextPage()` loads the next page. Sorting, search and filters run on the server.
 *
 * @example
 * const { data: deviations = [], hasNextPage, fetchNextPage } = useRecords(recordTypes.deviation, {
 *   sort: '-createdAt',
 *   filters: { state: 'in_approval', severity: 'critical' },
 * });
 */
export function useRecords<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  query: RecordQuery<T> = {},
): UseInfiniteQueryResult<RecordOf<T>[], Error> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  const params = listQueryOf(query);
  return useInfiniteQuery({
    queryKey: qmsKeys.list(type.name, params),
    queryFn: ({ pageParam, signal }) =>
      client
        .records(type)
        .list({ ...params, cursor: pageParam } as RecordListQuery<T>, { signal }) as Promise<
        Page<RecordOf<T>>
      >,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    select: flattenPages<RecordOf<T>>,
    placeholderData: keepPreviousData,
  });
}
