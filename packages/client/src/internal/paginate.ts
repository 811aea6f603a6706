/** Yields every item of a cursor-paginated list, fetching the next page until `nextCursor` is null. */
export async function* paginate<TItem>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: TItem[]; nextCursor: string | null }>,
  cursor?: string,
): AsyncGenerator<TItem, void, undefined> {
  let next = cursor;
  do {
    const page = await fetchPage(next);
    yield* page.items;
    next = page.nextCursor ?? undefined;
  } while (next !== undefined);
}
