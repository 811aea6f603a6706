import * as z from 'zod/mini';
import type { RecordType } from '../record-type/defineRecordType';
import { fieldIssuesOf } from '../record-type/fieldIssues';
import type { ImportProblem } from './importJob';

/** A cell as a file holds it: CSV gives text, a workbook typed values. */
export type ImportCell = string | number | boolean | Date | null;

/** One column an import reads: where it stands in the row, the field it fills, and the field's schema. */
export interface ImportColumn {
  index: number;
  field: string;
  schema: z.ZodMiniType;
}

/** Base fields the server sets on a create; an export writes them, an import cannot take them. */
const serverSetFields = new Set([
  'id',
  'orgId',
  'type',
  'number',
  'state',
  'version',
  'createdBy',
  'createdAt',
  'updatedAt',
  'stateBeforeCancellation',
]);

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  while (current instanceof z.ZodMiniOptional || current instanceof z.ZodMiniNullable)
    current = current.def.innerType as z.ZodMiniType;
  return current;
}

/**
 * The columns a header names: each must be a field a create takes (the type's own fields and
 * `ownerId`, the names an export writes). Server-set fields (number, state, ...) and lifecycle
 * fields are refused, unknown and repeated names are problems of row 1; an export's extra
 * columns can so be dropped before a re-import, and nothing is guessed.
 */
export function resolveImportColumns(
  recordType: RecordType,
  header: readonly ImportCell[],
): { columns: ImportColumn[]; problems: ImportProblem[] } {
  const fields = recordType.fields as Record<string, z.ZodMiniType>;
  const lifecycle = new Set<string>(recordType.lifecycleFields ?? []);
  const hidden = new Set<string>(recordType.hiddenFields ?? []);
  const columns: ImportColumn[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const [index, cell] of header.entries()) {
    const name = cell === null ? '' : String(cell).trim();
    if (name === '') continue;
    const problem = (code: ImportProblem['code'], detail: string) =>
      problems.push({ row: 1, column: name, code, detail });
    if (seen.has(name)) {
      problem('duplicate_column', `The column ${name} appears twice.`);
      continue;
    }
    seen.add(name);
    if (serverSetFields.has(name) || lifecycle.has(name)) {
      problem('refused_column', `${name} is set by the system, not by an import; remove the column.`);
      continue;
    }
    const schema =
      name === 'ownerId'
        ? z.string()
        : Object.hasOwn(fields, name) && !hidden.has(name)
          ? fields[name]
          : undefined;
    if (!schema) problem('unknown_column', `${recordType.name} has no field ${name}.`);
    else columns.push({ index, field: name, schema });
  }
  return { columns, problems };
}

const truthy = new Set(['true', 'yes', 'y', '1', 'ja', 'wahr', 'x']);
const falsy = new Set(['false', 'no', 'n', '0', 'nein', 'falsch']);
/** A CSV export prefixes text a spreadsheet would run as a formula with `'`; a re-import takes it off. */
const formulaGuard = /^'(?=[=+\-@\t\r])/;

type Converted = { value: unknown } | { problem: { code: ImportProblem['code']; detail: string } };

/** A cell as the field's schema wants it: ISO dates, numbers, booleans, enum members, JSON lists. */
function convertCell(cell: ImportCell, schema: z.ZodMiniType): Converted {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; format?: string; entries?: Record<string, string> };
  const text = cell instanceof Date ? cell.toISOString() : String(cell).trim().replace(formulaGuard, '');
  if (def.type === 'number') {
    const number = typeof cell === 'number' ? cell : Number(text.replace(',', '.'));
    return Number.isFinite(number) && text !== ''
      ? { value: number }
      : { problem: { code: 'invalid_number', detail: `“${text}” is not a number.` } };
  }
  if (def.type === 'boolean') {
    if (typeof cell === 'boolean') return { value: cell };
    const lower = text.toLowerCase();
    if (truthy.has(lower)) return { value: true };
    if (falsy.has(lower)) return { value: false };
    return { problem: { code: 'invalid_boolean', detail: `“${text}” is neither true nor false.` } };
  }
  if (def.type === 'string' && (def.format === 'datetime' || def.format === 'date')) {
    const date = cell instanceof Date ? cell : /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : null;
    if (!date || Number.isNaN(date.getTime()))
      return {
        problem: { code: 'invalid_date', detail: `“${text}” is not a date (use 2026-11-30 or ISO 8601).` },
      };
    const iso = date.toISOString();
    return { value: def.format === 'date' ? iso.slice(0, 10) : iso };
  }
  if (def.type === 'enum' && def.entries) {
    const options = Object.values(def.entries);
    return options.includes(text)
      ? { value: text }
      : { problem: { code: 'invalid_enum', detail: `“${text}” is not one of ${options.join(', ')}.` } };
  }
  if (def.type === 'array' || def.type === 'object' || def.type === 'record') {
    try {
      return { value: JSON.parse(text) };
    } catch {
      return { problem: { code: 'invalid_value', detail: 'Expected JSON, as an export writes it.' } };
    }
  }
  return { value: text };
}

/**
 * One record row as a create body, or its problems: each cell converted by its field's schema,
 * then the whole body checked by the type's create input (required fields, lengths, formats),
 * every issue named by row and column. Empty cells leave a field out.
 */
export function importRowInput(
  recordType: RecordType,
  columns: readonly ImportColumn[],
  cells: readonly ImportCell[],
  row: number,
): { input: Record<string, unknown> | null; problems: ImportProblem[] } {
  const input: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  for (const column of columns) {
    const cell = cells[column.index] ?? null;
    if (cell === null || (typeof cell === 'string' && cell.trim() === '')) continue;
    const converted = convertCell(cell, column.schema);
    if ('problem' in converted) problems.push({ row, column: column.field, ...converted.problem });
    else input[column.field] = converted.value;
  }
  if (problems.length > 0) return { input: null, problems };
  const parsed = z.safeParse(recordType.createInput, input);
  if (parsed.success) return { input: parsed.data as Record<string, unknown>, problems };
  for (const [index, issue] of fieldIssuesOf(parsed.error).entries()) {
    const path = parsed.error.issues[index]?.path ?? [];
    const field = path[0] === undefined ? null : String(path[0]);
    const missing = field !== null && input[field] === undefined;
    problems.push({
      row,
      column: field,
      code: missing ? 'required' : 'invalid_value',
      detail: missing ? `${field} is required.` : issue.detail,
    });
  }
  return { input: null, problems };
}
