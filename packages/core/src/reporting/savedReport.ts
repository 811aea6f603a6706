import * as z from 'zod/mini';
import { nonEmptyText } from '../record-type/recordBase';
import { reportMetrics } from './reportQuery';

/** How a saved report is drawn. */
export const reportCharts = ['bar', 'line', 'pie', 'table'] as const;

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
/** The report query's filters, by parameter name: `state`, `severity`, `q`, `createdFrom`, ... */
const filters = z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(500)));
const columns = z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50));
const roles = z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50));

/**
 * A report a user saved: the record type, its filters, grouping and metric, the table's columns
 * and the chart. Seen by its creator and by users holding one of `sharedWithRoles`.
 */
export const savedReportSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  recordType: z.string(),
  filters,
  groupBy: z.nullable(z.string()),
  metric: z.enum(reportMetrics),
  /** Extra query of a cycle-time report: from which state (or `created`) to which. */
  cycleFrom: z.nullable(z.string()),
  cycleTo: z.nullable(z.string()),
  columns,
  chart: z.enum(reportCharts),
  sharedWithRoles: roles,
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int(),
});
export type SavedReport = z.infer<typeof savedReportSchema>;

/** The body of `POST /saved-reports`; the server checks filters, grouping and metric against the record type (422). */
export const savedReportInputSchema = z.strictObject({
  name,
  recordType: nonEmptyText(64),
  filters: z.optional(filters),
  groupBy: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  metric: z.optional(z.enum(reportMetrics)),
  cycleFrom: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  cycleTo: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  columns: z.optional(columns),
  chart: z.optional(z.enum(reportCharts)),
  sharedWithRoles: z.optional(roles),
});
export type SavedReportInput = z.infer<typeof savedReportInputSchema>;

/** The body of `PATCH /saved-reports/{id}`: any of the input's fields but its record type. */
export const savedReportChangesSchema = z.strictObject({
  name: z.optional(name),
  filters: z.optional(filters),
  groupBy: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  metric: z.optional(z.enum(reportMetrics)),
  cycleFrom: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  cycleTo: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  columns: z.optional(columns),
  chart: z.optional(z.enum(reportCharts)),
  sharedWithRoles: z.optional(roles),
});
export type SavedReportChanges = z.infer<typeof savedReportChangesSchema>;
