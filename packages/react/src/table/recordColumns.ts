import { baseSortFields, type RecordType } from '@masetra/core';
import { describeField } from '../form/describeField';

/** Columns a record table can show: the base fields and the type's own scalar fields. */
export function availableColumnsOf(recordType: RecordType): string[] {
  const own = Object.entries(recordType.fields)
    .filter(([, schema]) => describeField(schema).kind !== 'structured')
    .map(([field]) => field);
  return ['number', 'state', ...own, 'ownerId', 'createdAt', 'updatedAt'];
}

/** The columns shown first: number, title, state, the filterable fields, last change. */
export function defaultColumnsOf(recordType: RecordType): string[] {
  const filters = recordType.filterFields.filter((field) => {
    const kind = describeField(recordType.fields[field]!).kind;
    return kind === 'enum' || kind === 'text';
  });
  return [...new Set(['number', recordType.titleField, 'state', ...filters.slice(0, 2), 'updatedAt'])];
}

/** Fields the server sorts by. */
export function sortableColumnsOf(recordType: RecordType): Set<string> {
  return new Set<string>([...baseSortFields, ...recordType.sortFields]);
}

/** A column's share of the row, as a CSS grid track. */
export function columnTrack(recordType: RecordType, field: string): string {
  if (field === recordType.titleField) return 'minmax(14rem, 3fr)';
  if (field === 'number') return 'minmax(9rem, 1fr)';
  if (field === 'state') return 'minmax(9rem, 1fr)';
  return 'minmax(8rem, 1fr)';
}

/** A sort key of the list query (`-createdAt`) as TanStack Table's sorting state, and back. */
export function sortingOf(sort: string | undefined): { id: string; desc: boolean }[] {
  if (!sort) return [];
  return [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }];
}

export function sortOf(sorting: readonly { id: string; desc: boolean }[]): string | undefined {
  const [first] = sorting;
  return first ? `${first.desc ? '-' : ''}${first.id}` : undefined;
}
