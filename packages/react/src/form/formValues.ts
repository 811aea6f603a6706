// Between record values and what form inputs hold (strings and checkbox states), and local checks.
import type { Translator } from '../i18n/messages';
import type { FieldDescriptor } from './describeField';

/** What an input holds: text for most, a checkbox state (or untouched) for booleans. */
export type InputValue = string | boolean | undefined;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a `datetime-local` value in the browser's zone. */
export function toDateTimeLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function toInputValue(descriptor: FieldDescriptor, value: unknown): InputValue {
  if (descriptor.kind === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (value === undefined || value === null) return '';
  if (descriptor.kind === 'dateTime' && typeof value === 'string') return toDateTimeLocal(value);
  if (descriptor.kind === 'stringList' && Array.isArray(value)) return value.join('\n');
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * An input's value as the record's value, checked against what the field descriptor says:
 * required, lengths, ranges, dates. `undefined` means "not given".
 */
export function fromInputValue(
  t: Translator,
  descriptor: FieldDescriptor,
  input: InputValue,
  required: boolean,
): Parsed {
  if (descriptor.kind === 'boolean') {
    if (required && input === undefined) return { ok: false, error: t('form.required') };
    return { ok: true, value: input };
  }
  const text = typeof input === 'string' ? input : '';
  const empty = text.trim() === '';
  if (empty) return required ? { ok: false, error: t('form.required') } : { ok: true, value: undefined };
  switch (descriptor.kind) {
    case 'dateTime': {
      const date = new Date(text);
      return Number.isNaN(date.getTime())
        ? { ok: false, error: t('form.invalidDate') }
        : { ok: true, value: date.toISOString() };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? { ok: true, value: text }
        : { ok: false, error: t('form.invalidDate') };
    case 'number': {
      const value = Number(text);
      const { min, max } = descriptor;
      if (!Number.isFinite(value) || (descriptor.integer && !Number.isInteger(value))) {
        return { ok: false, error: t('form.invalidValue') };
      }
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        return { ok: false, error: t('form.outOfRange', { min: min ?? '…', max: max ?? '…' }) };
      }
      return { ok: true, value };
    }
    case 'stringList':
      return {
        ok: true,
        value: text
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case 'enum':
      return descriptor.options?.includes(text)
        ? { ok: true, value: text }
        : { ok: false, error: t('form.invalidValue') };
    default: {
      const value = text.trim();
      if (descriptor.maxLength !== undefined && value.length > descriptor.maxLength) {
        return { ok: false, error: t('form.tooLong', { max: descriptor.maxLength }) };
      }
      if (descriptor.minLength !== undefined && value.length < descriptor.minLength) {
        return { ok: false, error: t('form.tooShort', { min: descriptor.minLength }) };
      }
      return { ok: true, value };
    }
  }
}
