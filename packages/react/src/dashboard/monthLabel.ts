/** A month's first day (`2026-03-01`) as people read it in the locale: "Mar 2026". Months are UTC, as the server buckets them. */
export function monthLabel(locale: string, month: string): string {
  const date = new Date(`${month.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
