import type { Page } from '@masetra/client';
import type { InfiniteData } from '@tanstack/react-query';

/** Every item of the pages a cursor-paged query has loaded so far, in order. */
export function flattenPages<TItem>(data: InfiniteData<Page<TItem>, string | undefined>): TItem[] {
  return data.pages.flatMap((page) => page.items);
}
