// One side (before or after) of a structured change in the audit trail (CAPA tasks, a signature,
// host links, 5 Whys, a fishbone): labelled parts and lists, never JSON. Whatever differs from
// the other side is marked `<del>` or `<ins>`; what is the same on both sides is shown quietly.
import { canonicalJson } from '@masetra/core';
import type { ReactNode } from 'react';
import type { FieldDescriptor } from '../form/describeField';
import type { ValueShape } from './changeSchema';
import { formatPart, isIdentifierPart, type PartFormatting } from './formatPart';

export type ChangeSide = 'old' | 'new';

export interface ChangeValueProps {
  qms: PartFormatting;
  /** The record type the change belongs to, for its own field labels (`field.<type>.<field>`). */
  recordType: string;
  field: string;
  shape: ValueShape | undefined;
  value: unknown;
  /** The value on the other side of the change, to mark what differs. */
  other: unknown;
  side: ChangeSide;
  /** Class names of the parts' list and of a part. */
  classes: { parts: string | undefined; items: string | undefined; same: string | undefined };
}

/** Whether a value has parts (objects, lists of objects) rather than being text, a number or a list of text. */
export function isStructured(value: unknown): value is object {
  if (Array.isArray(value)) return value.some((item) => item !== null && typeof item === 'object');
  return value !== null && typeof value === 'object';
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** A value that differs from the other side, marked as removed (before) or added (after). */
function marked(side: ChangeSide, content: ReactNode): ReactNode {
  return side === 'old' ? <del>{content}</del> : <ins>{content}</ins>;
}

interface PartProps extends Omit<ChangeValueProps, 'field'> {
  /** Field, then part names: `['tasks', 'dueAt']`; list positions are not part of it. */
  path: readonly string[];
}

/** `field.<type>.<path>`, `field.<path>`, then the part's own name (`field.dueAt`), humanized at worst. */
function partLabel({ t, labels }: PartFormatting, recordType: string, path: readonly string[]): string {
  const key = path.join('.');
  return (
    t.optional(`field.${recordType}.${key}`) ??
    t.optional(`field.${key}`) ??
    labels.field(recordType, path[path.length - 1] ?? key)
  );
}

function PartText({ qms, path, shape, value }: Pick<PartProps, 'qms' | 'path' | 'shape' | 'value'>) {
  const name = path[path.length - 1] ?? '';
  const descriptor: FieldDescriptor | undefined = shape?.kind === 'value' ? shape.descriptor : undefined;
  const text = formatPart(qms, name, descriptor, value);
  if (typeof value === 'string' && (descriptor?.kind === 'dateTime' || descriptor?.kind === 'date')) {
    return <time dateTime={value}>{text}</time>;
  }
  return isIdentifierPart(name) && value !== null && value !== undefined ? <code>{text}</code> : text;
}

/** A part, marked where it differs from the same part on the other side. */
function Part(props: PartProps): ReactNode {
  const { value, other, side } = props;
  if (isStructured(value)) {
    return Array.isArray(value) ? (
      <PartList {...props} value={value} />
    ) : (
      <PartObject {...props} value={value} />
    );
  }
  const text = <PartText {...props} />;
  return same(value, other) ? text : marked(side, text);
}

function PartObject(props: PartProps & { value: object }) {
  const { qms, recordType, path, shape, value, other, classes } = props;
  const parts = shape?.kind === 'object' ? shape.parts : {};
  const record = value as Record<string, unknown>;
  const otherRecord = isStructured(other) && !Array.isArray(other) ? (other as Record<string, unknown>) : {};
  // The schema's order (a task's title before its owner), then whatever else was recorded, and
  // identifiers and hashes last: they prove, the rest explains.
  const recorded = [...Object.keys(parts), ...Object.keys(record).filter((name) => !(name in parts))].filter(
    (name) => record[name] !== undefined,
  );
  const names = [
    ...recorded.filter((name) => !isIdentifierPart(name)),
    ...recorded.filter((name) => isIdentifierPart(name)),
  ];
  return (
    <dl className={classes.parts}>
      {names.map((name) => (
        <div key={name}>
          <dt>{partLabel(qms, recordType, [...path, name])}</dt>
          <dd>
            <Part
              {...props}
              path={[...path, name]}
              shape={parts[name]}
              value={record[name]}
              other={otherRecord[name]}
            />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The item on the other side an item is compared with: the one with the same `id`, when items have one. */
function counterpartOf(item: unknown, others: readonly unknown[]): unknown {
  const id = isStructured(item) ? (item as { id?: unknown }).id : undefined;
  if (id === undefined) return undefined;
  return others.find((other) => isStructured(other) && (other as { id?: unknown }).id === id);
}

function PartList(props: PartProps & { value: readonly unknown[] }) {
  const { qms, value, other, side, shape, classes } = props;
  if (value.length === 0) return qms.t('common.emptyValue');
  const others: readonly unknown[] = Array.isArray(other) ? other : [];
  const item = shape?.kind === 'list' ? shape.item : undefined;
  return (
    <ol className={classes.items}>
      {value.map((entry, index) => {
        // An item also on the other side is unchanged: shown, but quietly.
        if (others.some((candidate) => same(candidate, entry))) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: recorded values have no identity of their own
            <li key={index} className={classes.same}>
              <Part {...props} shape={item} value={entry} other={entry} />
            </li>
          );
        }
        const counterpart = counterpartOf(entry, others);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: recorded values have no identity of their own
          <li key={index} data-change={side === 'old' ? 'removed' : 'added'}>
            {counterpart === undefined && isStructured(entry) ? (
              marked(side, <Part {...props} shape={item} value={entry} other={entry} />)
            ) : (
              <Part {...props} shape={item} value={entry} other={counterpart} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** One side of a structured change: labelled parts and lists, what differs from the other side marked. */
export function ChangeValue({ field, value, ...props }: ChangeValueProps & { value: object }): ReactNode {
  return <Part {...props} path={[field]} value={value} />;
}
