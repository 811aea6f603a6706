/** How a record's values read on paper: dates in UTC, choices by their label, people by name. */
import type { PdfText } from './pdfMessages';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const choice = /^[a-z][a-z0-9_]*$/;

export interface ValueFormat {
  text: PdfText;
  /** JSON pointers of values that name a person. */
  userPointers: ReadonlySet<string>;
  userNames: ReadonlyMap<string, string>;
  /** Numbers of the records the record links to, so an id it holds (`linkedCapaIds`) reads as `CAPA-2026-0001`. */
  recordNumbers?: ReadonlyMap<string, string>;
}

/** A person as printed: the name they acted under and their user id, or the id alone. */
export function personOf(format: Pick<ValueFormat, 'userNames'>, userId: string): string {
  const name = format.userNames.get(userId);
  return name ? `${name} (${userId})` : userId;
}

/** One value at a JSON pointer, as the lines a reader sees; nested objects indent their fields. */
export function formatPdfValue(format: ValueFormat, value: unknown, pointer: string): string {
  const { text } = format;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return text.t(value ? 'pdf.yes' : 'pdf.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (format.userPointers.has(pointer)) return personOf(format, value);
    const linked = format.recordNumbers?.get(value);
    if (linked) return linked;
    if (isoInstant.test(value) && !Number.isNaN(Date.parse(value))) return text.dateTime(value);
    if (isoDay.test(value)) return text.date(value);
    // A machine word (`major`, `five_whys`) reads by its label when the catalog has one.
    if (choice.test(value)) {
      return (
        text.knownLabel('value', value) ??
        text.knownLabel('state', value) ??
        text.knownLabel('meaning', value) ??
        value
      );
    }
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((element, index) => {
        const shown = formatPdfValue(format, element, `${pointer}/${index}`);
        return typeof element === 'object' && element !== null
          ? `${index + 1}.\n${indent(shown)}`
          : `• ${shown}`;
      })
      .join('\n');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '—';
    return entries
      .map(([field, inner]) => {
        const shown = formatPdfValue(format, inner, `${pointer}/${field}`);
        return shown.includes('\n')
          ? `${text.label('field', field)}:\n${indent(shown)}`
          : `${text.label('field', field)}: ${shown}`;
      })
      .join('\n');
  }
  return String(value);
}

function indent(lines: string): string {
  return lines
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}
