/** The boundary between timestamptz columns (Date) and the API's ISO 8601 UTC strings. */
export function toIsoString(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** A Date cut to milliseconds: what JavaScript can read back exactly, and so what a hash may cover. */
export function toDate(value: Date | string | undefined): Date {
  const date = value === undefined ? new Date() : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a timestamp: ${String(value)}`);
  return date;
}
