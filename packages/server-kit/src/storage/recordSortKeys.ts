import type { RecordType } from '@masetra/core';
import { dataFieldText } from './dataFieldSql';

/** One order a record list can be sorted in, besides the `id` that breaks ties. */
export interface RecordSortKey {
  /** The `sort` parameter's name: `createdAt`, `number`, `severity`. */
  name: string;
  /**
   * SQL of the key, never null so keyset comparisons see every row. The same text goes into
   * the expression index and the query, which is what lets the planner use the index.
   */
  expression: string;
  /** The SQL type a cursor value is cast back to. */
  type: 'timestamptz' | 'text' | 'numeric' | 'integer';
}

interface ZodInternals {
  _zod?: { def?: { type?: string; innerType?: unknown; entries?: Record<string, unknown> } };
}

/** The schema under optional/nullable/default wrappers (zod's public `_zod.def`). */
function innerDef(schema: unknown): NonNullable<ZodInternals['_zod']>['def'] {
  let def = (schema as ZodInternals)?._zod?.def;
  while (
    def?.innerType &&
    ['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type ?? '')
  ) {
    def = (def.innerType as ZodInternals)._zod?.def;
  }
  return def;
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function dataSortKey(name: string, schema: unknown): RecordSortKey {
  const def = innerDef(schema);
  const text = dataFieldText(name);
  if (def?.type === 'enum' && def.entries) {
    // Enums sort in their declared order (minor < major < critical), not alphabetically.
    const values = Object.values(def.entries).map((value) => sqlString(String(value)));
    return {
      name,
      expression: `coalesce(array_position(ARRAY[${values.join(', ')}]::text[], ${text}), 0)`,
      type: 'integer',
    };
  }
  if (def?.type === 'number') {
    return { name, expression: `coalesce(${text}::numeric, '-Infinity'::numeric)`, type: 'numeric' };
  }
  return { name, expression: `coalesce(${text}, '')`, type: 'text' };
}

/** The `number` sort key's SQL; an expression index on the same text serves it. */
export const numberOrder = "lpad(number, 32, '0')";

/** Every sort key a record type offers: the base ones and its `sortFields`. */
export function recordSortKeys(recordType: RecordType): Map<string, RecordSortKey> {
  const keys = new Map<string, RecordSortKey>([
    ['createdAt', { name: 'createdAt', expression: 'created_at', type: 'timestamptz' }],
    ['updatedAt', { name: 'updatedAt', expression: 'updated_at', type: 'timestamptz' }],
    // Numbers of one type differ only in the digits of their sequence, so left-padding them
    // to one width sorts DEV-2026-9999 before DEV-2026-10000, as text alone would not.
    ['number', { name: 'number', expression: numberOrder, type: 'text' }],
  ]);
  for (const field of recordType.sortFields) {
    if (!keys.has(field)) keys.set(field, dataSortKey(field, recordType.fields[field]));
  }
  return keys;
}
