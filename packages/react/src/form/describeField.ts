import type { RecordType } from '@masetra/core';

/** A field schema of a record type (a zod/mini schema). */
export type FieldSchema = RecordType['fields'][string];

/** How a field is edited and shown, read off its zod/mini schema. */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'enum'
  | 'boolean'
  | 'dateTime'
  | 'date'
  | 'number'
  | 'stringList'
  /** Objects and arrays of objects: specialised editors, or nothing. */
  | 'structured';

export interface FieldDescriptor {
  kind: FieldKind;
  optional: boolean;
  options?: readonly string[];
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
}

// The parts of zod's (documented) `_zod.def` introspection this reads.
interface Def {
  type: string;
  innerType?: Schema;
  format?: string;
  entries?: Record<string, string>;
  element?: Schema;
  checks?: readonly { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}
interface Schema {
  _zod: { def: Def };
}

/** Strings longer than this are edited in a textarea. */
const LONG_TEXT = 500;

function unwrap(schema: Schema): { inner: Schema; optional: boolean } {
  let inner = schema;
  let optional = false;
  while (
    ['optional', 'nullable', 'default', 'readonly'].includes(inner._zod.def.type) &&
    inner._zod.def.innerType
  ) {
    optional = true;
    inner = inner._zod.def.innerType;
  }
  return { inner, optional };
}

/**
 * Describes a field schema of a record type. Generic over any record type a host defines:
 * strings, enums, booleans, ISO dates and date-times, numbers and lists of strings.
 *
 * @example
 * describeField(recordTypes.deviation.fields.severity); // { kind: 'enum', options: ['minor', 'major', 'critical'], optional: true }
 */
export function describeField(schema: FieldSchema): FieldDescriptor {
  const { inner, optional } = unwrap(schema as unknown as Schema);
  const def = inner._zod.def;
  const descriptor: FieldDescriptor = { kind: 'structured', optional };
  for (const check of def.checks ?? []) {
    const { check: name, minimum, maximum, value } = check._zod.def;
    if (name === 'min_length') descriptor.minLength = minimum;
    if (name === 'max_length') descriptor.maxLength = maximum;
    if (name === 'greater_than') descriptor.min = value;
    if (name === 'less_than') descriptor.max = value;
  }
  switch (def.type) {
    case 'string':
      if (def.format === 'datetime') descriptor.kind = 'dateTime';
      else if (def.format === 'date') descriptor.kind = 'date';
      else descriptor.kind = (descriptor.maxLength ?? 0) > LONG_TEXT ? 'longText' : 'text';
      break;
    case 'enum':
      descriptor.kind = 'enum';
      descriptor.options = Object.values(def.entries ?? {});
      break;
    case 'boolean':
      descriptor.kind = 'boolean';
      break;
    case 'number':
      descriptor.kind = 'number';
      descriptor.integer = def.format === 'safeint' || def.format === 'int32';
      break;
    case 'array':
      if (def.element && unwrap(def.element).inner._zod.def.type === 'string') descriptor.kind = 'stringList';
      break;
  }
  return descriptor;
}
