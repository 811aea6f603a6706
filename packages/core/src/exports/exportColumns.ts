import * as z from 'zod/mini';
import type { RecordType } from '../record-type/defineRecordType';
import { recordBaseShape } from '../record-type/recordBase';

/** How a spreadsheet should hold a column's values: as numbers, real dates, booleans, or text. */
export type ExportColumnKind = 'text' | 'number' | 'date' | 'boolean';

/** One column of a record export: the record field it reads, and how its cells are typed. */
export interface ExportColumn {
  field: string;
  kind: ExportColumnKind;
}

/** Base fields a person can read in a list; ids of the organization and type say nothing there. */
const exportableBaseFields = [
  'number',
  'state',
  'ownerId',
  'createdBy',
  'createdAt',
  'updatedAt',
  'version',
  'id',
];

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  while (current instanceof z.ZodMiniOptional || current instanceof z.ZodMiniNullable)
    current = current.def.innerType as z.ZodMiniType;
  return current;
}

/** The cell kind a field's schema implies: ISO date-times become dates, numbers numbers, the rest text. */
function kindOf(schema: z.ZodMiniType): ExportColumnKind {
  const def = unwrap(schema)._zod.def as { type: string; format?: string };
  if (def.type === 'number') return 'number';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'string' && (def.format === 'datetime' || def.format === 'date')) return 'date';
  return 'text';
}

/** Every field a record export may name as a column, with its kind, in a stable order. */
export function exportableColumns(recordType: RecordType): ReadonlyMap<string, ExportColumnKind> {
  const hidden = new Set<string>(recordType.hiddenFields ?? []);
  const base = recordBaseShape as Record<string, z.ZodMiniType>;
  const fields = recordType.fields as Record<string, z.ZodMiniType>;
  return new Map<string, ExportColumnKind>([
    ...exportableBaseFields.map((field) => [field, kindOf(base[field] as z.ZodMiniType)] as const),
    ...Object.entries(fields)
      .filter(([field]) => !hidden.has(field))
      .map(([field, schema]) => [field, kindOf(schema)] as const),
  ]);
}

/** The columns of an export that names none: number, title, state, owner, created, and the type's filters. */
export function defaultExportColumns(recordType: RecordType): string[] {
  return [
    ...new Set([
      'number',
      recordType.titleField,
      'state',
      'ownerId',
      'createdAt',
      ...recordType.filterFields,
    ]),
  ];
}

/** The fields a `columns` value names; accepts the query's comma-separated text or a body's array. */
export function exportColumnNames(columns: string | readonly string[] | undefined): string[] | undefined {
  if (columns === undefined) return undefined;
  const names = typeof columns === 'string' ? columns.split(',') : [...columns];
  return names.map((name) => name.trim()).filter(Boolean);
}

/**
 * The columns an export writes: the named ones, in the order named, or the defaults. Names the
 * type does not know come back as `unknown`, so the server can answer 422 naming each of them.
 */
export function resolveExportColumns(
  recordType: RecordType,
  columns: string | readonly string[] | undefined,
): { columns: ExportColumn[]; unknown: string[] } {
  const known = exportableColumns(recordType);
  const names = exportColumnNames(columns) ?? defaultExportColumns(recordType);
  const unknown = names.filter((name) => !known.has(name));
  const chosen = [...new Set(names.filter((name) => known.has(name)))];
  return { columns: chosen.map((field) => ({ field, kind: known.get(field) as ExportColumnKind })), unknown };
}
