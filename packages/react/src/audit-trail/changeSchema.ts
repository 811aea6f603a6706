// What shape an audit-trail change's value has, read off the zod schema that wrote it: a record
// field's own schema, or core's schema of what a signature, attachment or comment entry records.
import { attachmentSchema, commentSchema, type RecordType, signatureSchema } from '@masetra/core';
import { describeField, type FieldDescriptor, type FieldSchema } from '../form/describeField';

/** The part of zod's (documented) `_zod.def` introspection read here. */
interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
}
interface Schema {
  _zod: { def: Def };
}

/** A value's shape: a list of one shape, an object of named parts, or one value to format. */
export type ValueShape =
  | { kind: 'list'; item: ValueShape | undefined }
  | { kind: 'object'; parts: Readonly<Record<string, ValueShape>> }
  | { kind: 'value'; descriptor: FieldDescriptor };

function unwrap(schema: Schema): Schema {
  let inner = schema;
  while (
    ['optional', 'nullable', 'default', 'readonly'].includes(inner._zod.def.type) &&
    inner._zod.def.innerType
  ) {
    inner = inner._zod.def.innerType;
  }
  return inner;
}

/** The shape a zod/mini schema describes. */
export function shapeOf(schema: unknown): ValueShape {
  const inner = unwrap(schema as Schema);
  const def = inner._zod.def;
  if (def.type === 'array') return { kind: 'list', item: def.element ? shapeOf(def.element) : undefined };
  if (def.type === 'object' && def.shape) {
    return {
      kind: 'object',
      parts: Object.fromEntries(Object.entries(def.shape).map(([name, part]) => [name, shapeOf(part)])),
    };
  }
  return { kind: 'value', descriptor: describeField(inner as unknown as FieldSchema) };
}

/** Some parts of an object shape, in the order given: how people read the object. */
function pick(schema: unknown, names: readonly string[]): ValueShape {
  const whole = shapeOf(schema);
  const parts = whole.kind === 'object' ? whole.parts : {};
  return {
    kind: 'object',
    parts: Object.fromEntries(names.flatMap((name) => (parts[name] ? [[name, parts[name]]] : []))),
  };
}

/**
 * Changes recorded beside a record's fields: what a signing (or a failed one), an upload or a
 * comment left, by core's schemas of each. A signature reads as its manifestation: meaning first.
 */
const entryValueShapes: Readonly<Record<string, ValueShape>> = {
  signature: pick(signatureSchema, [
    'meaning',
    'signerName',
    'event',
    'recordVersion',
    'signedAt',
    'contentHash',
  ]),
  attachments: pick(attachmentSchema, [
    'fileName',
    'contentType',
    'sizeBytes',
    'uploadedBy',
    'uploadedAt',
    'sha256',
  ]),
  comments: pick(commentSchema, ['body', 'authorName', 'createdAt']),
};

/** The shape of a change to `field`, when a schema says it; `undefined` for a field no schema names. */
export function shapeOfChange(recordType: RecordType | undefined, field: string): ValueShape | undefined {
  const schema = recordType?.fields[field];
  return schema ? shapeOf(schema) : entryValueShapes[field];
}
