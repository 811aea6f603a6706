import * as z from 'zod/mini';
import { reportMetrics } from './reportQuery';

const count = z.optional(z.int().check(z.minimum(0)));
const days = z.optional(z.nullable(z.number()));

/**
 * One group of a report. `key` is the group's value (a state, a severity, an owner's id, the
 * first day of a month or week as `YYYY-MM-DD`), `null` for records without one (or the single
 * row of an ungrouped report). Which measures it carries depends on the metric.
 */
export const reportRowSchema = z.object({
  key: z.nullable(z.string()),
  /** Matching records (`count`), or records measured (`cycleTime`). */
  count,
  /** Unfinished records past their due date. */
  overdue: count,
  /** Median and 90th percentile of the cycle in days; null when no record completed it. */
  medianDays: days,
  p90Days: days,
  /** Records created in the bucket and records that reached a `done` state in it. */
  opened: count,
  closed: count,
});
export type ReportRow = z.infer<typeof reportRowSchema>;

/** A report's answer: its rows in key order, and the total over them. */
export const reportResultSchema = z.object({
  recordType: z.string(),
  groupBy: z.nullable(z.string()),
  metric: z.enum(reportMetrics),
  rows: z.array(reportRowSchema),
  /** Records the report covered: the sum of `count` (or of `overdue`, `opened`) over the rows. */
  total: z.int().check(z.minimum(0)),
});
export type ReportResult = z.infer<typeof reportResultSchema>;
