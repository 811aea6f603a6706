/** Dates, numbers and lists in the provider's locale, through `Intl`. */
export interface Formatters {
  readonly locale: string;
  /** An ISO 8601 instant as date and time. */
  dateTime(iso: string): string;
  /** An ISO 8601 instant or a calendar date (`2026-11-25`) as a date, without shifting the day. */
  date(iso: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Bytes as B, kB or MB. */
  fileSize(bytes: number): string;
  list(items: readonly string[]): string;
}

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

export function createFormatters(locale: string, timeZone?: string): Formatters {
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  // A calendar date names a day, not an instant: read and print it in UTC so no zone moves it.
  const calendarDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const number = (value: number, options?: Intl.NumberFormatOptions) => {
    const key = options ? JSON.stringify(options) : '';
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      numberFormats.set(key, format);
    }
    return format.format(value);
  };
  const safely = (format: Intl.DateTimeFormat, iso: string, asDate: Date) =>
    Number.isNaN(asDate.getTime()) ? iso : format.format(asDate);
  return {
    locale,
    dateTime: (iso) => safely(dateTimeFormat, iso, new Date(iso)),
    date: (iso) =>
      calendarDate.test(iso)
        ? safely(calendarDateFormat, iso, new Date(`${iso}T00:00:00Z`))
        : safely(dateFormat, iso, new Date(iso)),
    number,
    fileSize: (bytes) =>
      bytes < 1024
        ? `${number(bytes)} B`
        : bytes < 1024 * 1024
          ? `${number(bytes / 1024, { maximumFractionDigits: 1 })} kB`
          : `${number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`,
    list: (items) => listFormat.format(items),
  };
}
