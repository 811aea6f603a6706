import type { DocumentKind } from './schema';

/** The number prefix of each document kind until an organization sets its own. */
export const defaultDocumentNumberPrefixes: Readonly<Record<DocumentKind, string>> = {
  sop: 'SOP',
  work_instruction: 'WI',
  form: 'FRM',
  specification: 'SPEC',
  policy: 'POL',
  other: 'DOC',
};

/** A number prefix: upper-case letters and digits, starting with a letter, up to ten. */
export const documentNumberPrefixPattern = /^[A-Z][A-Z0-9]{0,9}$/;

/**
 * A document's number: one per document, kept by all its versions.
 *
 * @example
 * formatDocumentNumber('SOP', 1); // 'SOP-0001'
 */
export function formatDocumentNumber(prefix: string, sequence: number): string {
  if (!documentNumberPrefixPattern.test(prefix)) throw new RangeError(`Not a number prefix: ${prefix}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Not a sequence number: ${sequence}`);
  return `${prefix}-${String(sequence).padStart(4, '0')}`;
}
