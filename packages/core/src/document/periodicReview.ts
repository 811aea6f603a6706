/** Periodic review of effective documents: when it falls due and when reminders go out. */

const DAY_MS = 86_400_000;

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The date (`YYYY-MM-DD`, UTC) a document's periodic review falls due: its effective date
 * plus the interval. A day past the end of the target month falls on its last day
 * (31 January + 1 month is 28 or 29 February).
 *
 * @example
 * nextReviewDue('2026-01-31', 1); // '2026-02-28'
 * nextReviewDue('2026-03-15T09:00:00Z', 24); // '2028-03-15'
 */
export function nextReviewDue(effectiveDate: string, reviewIntervalMonths: number): string {
  const from = new Date(effectiveDate);
  if (Number.isNaN(from.getTime())) throw new RangeError(`Not an ISO 8601 date: ${effectiveDate}`);
  if (!Number.isInteger(reviewIntervalMonths) || reviewIntervalMonths < 1) {
    throw new RangeError(
      `A review interval is a whole number of months, at least 1: ${reviewIntervalMonths}`,
    );
  }
  const months = from.getUTCMonth() + reviewIntervalMonths;
  const year = from.getUTCFullYear() + Math.floor(months / 12);
  const monthIndex = months % 12;
  const day = Math.min(from.getUTCDate(), daysInMonth(year, monthIndex));
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

interface ReviewedDocument {
  state: string;
  effectiveDate?: string | undefined;
  reviewIntervalMonths?: number | undefined;
  nextReviewDue?: string | undefined;
}

/** The due date on record, or the one the effective date and interval give. */
function reviewDueOf(doc: ReviewedDocument): string | undefined {
  if (doc.nextReviewDue) return doc.nextReviewDue;
  if (!doc.effectiveDate || !doc.reviewIntervalMonths) return undefined;
  return nextReviewDue(doc.effectiveDate, doc.reviewIntervalMonths);
}

/**
 * Whether a reminder of an effective document's periodic review should go out at `now`
 * (ISO 8601): its review falls due within `daysBefore` days, or is already overdue.
 * Only effective documents are reviewed.
 *
 * @example
 * isReviewDueSoon({ state: 'effective', nextReviewDue: '2026-06-30' }, '2026-06-01T08:00:00Z', 30); // true
 */
export function isReviewDueSoon(doc: ReviewedDocument, now: string, daysBefore: number): boolean {
  if (doc.state !== 'effective') return false;
  const due = reviewDueOf(doc);
  if (!due) return false;
  return Date.parse(now) >= Date.parse(due) - daysBefore * DAY_MS;
}

/** How many days before its due date a periodic review may be recorded. */
export const PERIODIC_REVIEW_WINDOW_DAYS = 30;

/**
 * Whether an effective document's periodic review may be recorded at `now` (the server's clock
 * on the event): its review is due within {@link PERIODIC_REVIEW_WINDOW_DAYS} days or overdue.
 *
 * @example
 * isPeriodicReviewOpen({ state: 'effective', nextReviewDue: '2026-06-30' }, '2026-06-10T08:00:00Z'); // true
 */
export function isPeriodicReviewOpen(doc: ReviewedDocument, now: string | undefined): boolean {
  if (!now || Number.isNaN(Date.parse(now))) return false;
  return isReviewDueSoon(doc, now, PERIODIC_REVIEW_WINDOW_DAYS);
}
