// One value inside a structured change (a task's due date, a signature's meaning) as people read it.
import type { FieldDescriptor } from '../form/describeField';
import { formatFieldValue } from '../internal/FieldValue';
import type { QmsContextValue } from '../provider/QmsContext';

export type PartFormatting = Pick<QmsContextValue, 't' | 'labels' | 'format' | 'userName'>;

type Named = (qms: PartFormatting, value: string | number) => string | undefined;

/** Parts whose name says which catalog reads them: what a signing, a step or a fishbone records. */
const byName: Readonly<Record<string, Named>> = {
  meaning: ({ t }, value) => t.optional(`meaning.${value}`),
  event: ({ labels }, value) => labels.event(String(value)),
  code: ({ t }, value) => t.optional(`signature.error.${value}`),
  category: ({ t }, value) => t.optional(`fishbone.category.${value}`),
  type: ({ t }, value) => t.optional(`type.${value}`),
  state: ({ labels }, value) => labels.state(String(value)),
  sizeBytes: ({ format }, value) => (typeof value === 'number' ? format.fileSize(value) : undefined),
};

/** A value whose part (or field) name says which catalog reads it, e.g. `meaning`; `undefined` otherwise. */
export function formatNamedPart(qms: PartFormatting, name: string, value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? byName[name]?.(qms, value) : undefined;
}

/** Identifiers and hashes: shown whole, in a fixed-width face, never translated. */
const identifier = /^(id|orgId|signatureId|taskId|sha256)$|Hash$/;

export function isIdentifierPart(name: string): boolean {
  return identifier.test(name);
}

/** A part's value as text: by its name's catalog, else by its schema (enum, date), else as a field's value. */
export function formatPart(
  qms: PartFormatting,
  name: string,
  descriptor: FieldDescriptor | undefined,
  value: unknown,
): string {
  if (value === undefined || value === null || value === '') return qms.t('common.emptyValue');
  const named = formatNamedPart(qms, name, value);
  if (named !== undefined) return named;
  if (typeof value === 'string') {
    if (descriptor?.kind === 'enum') return qms.labels.value(value);
    if (descriptor?.kind === 'dateTime') return qms.format.dateTime(value);
    if (descriptor?.kind === 'date') return qms.format.date(value);
  }
  // People's names for user ids, yes and no, numbers, lists of text.
  return formatFieldValue(qms, undefined, name, value);
}
