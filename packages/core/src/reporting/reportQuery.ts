import * as z from 'zod/mini';
import { createdRangeShape } from '../contract/listQuery';
import type { RecordType } from '../record-type/defineRecordType';

/** What a report measures in each group. */
export const reportMetrics = ['count', 'overdue', 'cycleTime', 'openedClosed'] as const;
export type ReportMetric = (typeof reportMetrics)[number];

/** Time buckets of a record's creation a report may group by (UTC). */
export const reportTimeBuckets = ['month', 'week'] as const;
export type ReportTimeBucket = (typeof reportTimeBuckets)[number];

/** The start of a cycle that is no state: the record's creation. */
export const CYCLE_FROM_CREATION = 'created';

/** What a report of this record type may group by: its `groupFields`, `state`, `ownerId`, `month`, `week`. */
export function reportGroupKeys(recordType: Pick<RecordType, 'groupFields'>): string[] {
  return [...recordType.groupFields, 'state', 'ownerId', ...reportTimeBuckets];
}

/** A filter value: one value, or several separated by commas, as on the list. */
const filterValue = z.optional(z.string().check(z.minLength(1), z.maxLength(500)));

/**
 * The query of `GET /reports/{collection}`: the list's filters (`state`, `ownerId`, the type's
 * `filterFields`, `q`, `createdFrom` / `createdTo`), then
 * - `groupBy`: one of {@link reportGroupKeys}; left out, one row over every matching record;
 * - `metric` (`count` when left out): `count`; `overdue`, unfinished records past the type's
 *   `dueField`; `cycleTime`, median and 90th percentile of days from `cycleFrom` (`created`
 *   or a state first reached) to `cycleTo` (a state first reached after it; left out, a
 *   finished state tagged `done`); `openedClosed`, per time bucket, records created in it and
 *   records that reached a `done` state in it (the time range then bounds both moments).
 */
export function reportQuerySchema(
  recordType: Pick<RecordType, 'filterFields' | 'groupFields' | 'states' | 'dueField'>,
) {
  const filters = Object.fromEntries(
    ['state', 'ownerId', ...recordType.filterFields].map((field) => [field, filterValue]),
  );
  const states = recordType.states as [string, ...string[]];
  // A type without a due date has no overdue metric: asking for it is refused, not answered with zeros.
  const metrics = reportMetrics.filter((metric) => metric !== 'overdue' || recordType.dueField !== undefined);
  return z.strictObject({
    q: z.optional(z.string().check(z.maxLength(200))),
    ...createdRangeShape,
    ...filters,
    groupBy: z.optional(z.enum(reportGroupKeys(recordType) as [string, ...string[]])),
    metric: z.optional(z.enum(metrics as [ReportMetric, ...ReportMetric[]])),
    cycleFrom: z.optional(z.enum([CYCLE_FROM_CREATION, ...states] as [string, ...string[]])),
    cycleTo: z.optional(z.enum(states)),
  });
}

/** A parsed report query; its filters are the keys besides the report's own. */
export type ReportQuery = z.infer<ReturnType<typeof reportQuerySchema>>;

/** The keys of a report query that are no list filter. */
export const reportOwnKeys = ['groupBy', 'metric', 'cycleFrom', 'cycleTo'] as const;
