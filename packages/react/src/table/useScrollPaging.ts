import { useEffect } from 'react';

/** How many rows before the last loaded one the next page is asked for. */
export const LOAD_AHEAD = 10;

/** What the paging reads of an infinite query (TanStack Query's `useInfiniteQuery` result). */
export interface PagedResult {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage(): Promise<unknown>;
}

/**
 * Cursor paging that follows the scroll: the next page is asked for once the last rendered row
 * comes within `LOAD_AHEAD` rows of the end of what is loaded, never while a page is on its way,
 * and not again after a page failed (the table offers a retry instead).
 */
export function useScrollPaging(result: PagedResult, lastRenderedIndex: number, loadedCount: number): void {
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = result;
  useEffect(() => {
    if (
      hasNextPage &&
      !isFetchingNextPage &&
      !isFetchNextPageError &&
      lastRenderedIndex >= loadedCount - LOAD_AHEAD
    ) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, lastRenderedIndex, loadedCount, fetchNextPage]);
}
