import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LOAD_AHEAD, type PagedResult, useScrollPaging } from './useScrollPaging';

function paged(overrides: Partial<PagedResult> = {}): PagedResult {
  return {
    hasNextPage: true,
    isFetchingNextPage: false,
    isFetchNextPageError: false,
    fetchNextPage: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('useScrollPaging', () => {
  it('asks for the next page once the rendered rows come near the end of what is loaded', () => {
    const result = paged();
    const { rerender } = renderHook(({ last }) => useScrollPaging(result, last, 50), {
      initialProps: { last: 20 },
    });
    expect(result.fetchNextPage).not.toHaveBeenCalled();
    rerender({ last: 50 - LOAD_AHEAD - 1 });
    expect(result.fetchNextPage).not.toHaveBeenCalled();
    rerender({ last: 50 - LOAD_AHEAD });
    expect(result.fetchNextPage).toHaveBeenCalledTimes(1);
  });

  it('asks for nothing when there is no next page, one is on its way, or the last one failed', () => {
    for (const state of [
      { hasNextPage: false },
      { isFetchingNextPage: true },
      { isFetchNextPageError: true },
    ]) {
      const result = paged(state);
      renderHook(() => useScrollPaging(result, 49, 50));
      expect(result.fetchNextPage, JSON.stringify(state)).not.toHaveBeenCalled();
    }
  });

  it('fills a short first page at once: a window taller than the page renders its last row', () => {
    const result = paged();
    renderHook(() => useScrollPaging(result, 4, 5));
    expect(result.fetchNextPage).toHaveBeenCalledTimes(1);
  });
});
