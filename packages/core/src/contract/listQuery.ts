import * as z from 'zod/mini';
import type { RecordType } from '../record-type/defineRecordType';

/** The most items one page of any list may hold: records, audit trail, comments, notifications. */
export const MAX_PAGE_SIZE = 200;
/** The page size of a list when the request names none. */
export const DEFAULT_PAGE_SIZE = 50;

/** The sort keys every record type offers, before its own `sortFields`. */
export const baseSortFields = ['createdAt', 'updatedAt', 'number'] as const;

const pageSize = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE)));
const cursor = z.optional(z.string().check(z.maxLength(512)));

/** A filter value: one value, or several separated by commas (`?state=draft,in_assessment`). */
const filterValue = z.optional(z.string().check(z.minLength(1), z.maxLength(500)));

/**
 * When a record was created: from `createdFrom` (inclusive) up to `createdTo` (exclusive), ISO
 * 8601 date-times. Lists, reports and exports share it, so a report's count is the list's.
 */
export const createdRangeShape = {
  createdFrom: z.optional(z.iso.datetime({ offset: true })),
  createdTo: z.optional(z.iso.datetime({ offset: true })),
};

/**
 * The list query of one record type: `limit`, `cursor`, `sort` (`-createdAt`), `q`, the
 * creation time range (`createdFrom`, `createdTo`), and an exact-match filter for `state`,
 * `ownerId` and each of the type's `filterFields`.
 */
export function listQuerySchema(recordType: Pick<RecordType, 'sortFields' | 'filterFields'>) {
  const sortKeys = [...baseSortFields, ...recordType.sortFields];
  const sort = z.optional(z.enum(sortKeys.flatMap((key) => [key, `-${key}`]) as [string, ...string[]]));
  const filters = Object.fromEntries(
    ['state', 'ownerId', ...recordType.filterFields].map((field) => [field, filterValue]),
  );
  return z.strictObject({
    limit: pageSize,
    cursor,
    sort,
    q: z.optional(z.string().check(z.maxLength(200))),
    ...createdRangeShape,
    ...filters,
  });
}

/** `limit` (1 to `MAX_PAGE_SIZE`) and `cursor`: the query of any paged list, alone or with its filters. */
export const pageQuerySchema = z.strictObject({ limit: pageSize, cursor });

/** A page of a list: the items and the cursor of the next page, `null` on the last. */
export interface Page<TItem> {
  items: TItem[];
  nextCursor: string | null;
}

/** The schema of a page of `item`s: what it yields is a {@link Page} of what `item` yields. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}

/** Splits a comma-separated filter value into its values. */
export function filterValues(value: string | undefined): string[] {
  return value === undefined
    ? []
    : value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
}
