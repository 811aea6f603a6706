// The record collections the demo shows, by the path segment they live under.
import { builtInRegistry, type RecordType } from '@masetra/core';

export interface RecordSection {
  /** Path segment and API collection, e.g. `deviations`. */
  collection: string;
  recordType: RecordType;
  /** The page heading of the list. */
  title: string;
  /** "New deviation". */
  newLabel: string;
  /** Whether records are created from this section's list (findings are created within their audit). */
  creatable: boolean;
  /** The list's first columns, when not the table's default. */
  columns?: readonly string[];
}

const section = (name: string, title: string, newLabel: string, creatable = true): RecordSection => {
  const recordType = builtInRegistry.byName(name);
  if (!recordType) throw new Error(`No built-in record type ${name}`);
  return { collection: recordType.collection, recordType, title, newLabel, creatable };
};

export const recordSections: readonly RecordSection[] = [
  section('deviation', 'Deviations', 'New deviation'),
  section('capa', 'CAPAs', 'New CAPA'),
  {
    ...section('document', 'Documents', 'New document'),
    // One number across versions: the list shows which version each row is.
    columns: ['number', 'versionLabel', 'title', 'state', 'documentKind', 'effectiveDate'],
  },
  section('audit', 'Audits', 'New audit'),
  section('finding', 'Findings', 'New finding', false),
];

export function sectionOf(collection: string): RecordSection | undefined {
  return recordSections.find((candidate) => candidate.collection === collection);
}

/** The page of one record. */
export function recordPath(record: { type: string; id: string }): string {
  const recordType = builtInRegistry.byName(record.type);
  return `/${recordType?.collection ?? record.type}/${record.id}`;
}
