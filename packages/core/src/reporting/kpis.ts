import * as z from 'zod/mini';

const count = z.int().check(z.minimum(0));
/** A share from 0 to 1; null when nothing was measured (no CAPA closed in the period). */
const rate = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));

/** The query of `GET /reports/kpis`: the period, `from` inclusive, `to` exclusive; the last 12 months when left out. */
export const kpiQuerySchema = z.strictObject({
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
});

/**
 * The dashboard's built-in KPIs. Counts of open and overdue records are as of `generatedAt`;
 * rates, findings and the monthly trend cover the period.
 */
export const kpisSchema = z.object({
  period: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
  generatedAt: z.iso.datetime(),
  /** Unfinished records of each type, per state. */
  openByState: z.array(z.object({ recordType: z.string(), state: z.string(), count })),
  /** Unfinished records of each type with a severity field, per severity (null: not yet graded). */
  openBySeverity: z.array(z.object({ recordType: z.string(), severity: z.nullable(z.string()), count })),
  /** Unfinished records past their due date, and CAPA tasks not done past theirs. */
  overdue: z.object({ deviations: count, capas: count, capaTasks: count }),
  /** CAPAs closed in the period, and how many of them on or before their due date. */
  capaOnTime: z.object({ closed: count, onTime: count, rate }),
  /**
   * Effectiveness checks decided in the period: confirmed effective (the CAPA closed) or
   * reported not effective (it went back to implementation).
   */
  capaEffectiveness: z.object({ checks: count, effective: count, rate }),
  /** Documents whose periodic review is due within 30 days, and those already overdue. */
  documentsDueForReview: z.object({ dueWithin30Days: count, overdue: count }),
  /** Findings raised in the period, per classification. */
  findingsBySeverity: z.array(z.object({ severity: z.nullable(z.string()), count })),
  /** Per record type and month (`YYYY-MM-01`) of the period: records created and records finished. */
  openedClosedByMonth: z.array(
    z.object({ recordType: z.string(), month: z.string(), opened: count, closed: count }),
  ),
});
export type Kpis = z.infer<typeof kpisSchema>;
