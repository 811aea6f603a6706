import { useQms } from '../provider/useQms';

/** Class names a host adds to the parts (slots) of a component, e.g. `{ root: 'my-table', row: 'my-row' }`. */
export type ClassNames<TSlot extends string> = Readonly<Partial<Record<TSlot, string>>>;

/** Shared building blocks every component draws from `styles.css`. */
type Primitive =
  | 'button'
  | 'input'
  | 'textarea'
  | 'select'
  | 'checkbox'
  | 'field'
  | 'label'
  | 'hint'
  | 'error'
  | 'alert'
  | 'status'
  | 'card'
  | 'heading';

export interface SlotClasses<TSlot extends string> {
  /** `masetra-<block>` for `root`, `masetra-<block>__<slot>` otherwise, plus the host's class. */
  (slot: TSlot): string | undefined;
  /** A shared primitive's class, `masetra-<primitive>`, plus any extra classes. */
  ui(primitive: Primitive, ...extra: (string | false | undefined)[]): string | undefined;
}

export function cx(...parts: (string | false | null | undefined)[]): string | undefined {
  const joined = parts.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * The class names of one component's slots. In unstyled mode only the host's classes
 * remain, so nothing of `styles.css` applies.
 */
export function useSlots<TSlot extends string>(
  block: string,
  className: string | undefined,
  classNames: ClassNames<TSlot> | undefined,
): SlotClasses<TSlot> {
  const { unstyled } = useQms();
  const slots = ((slot: TSlot) =>
    cx(
      !unstyled && (slot === 'root' ? `masetra-${block}` : `masetra-${block}__${slot}`),
      slot === 'root' && className,
      classNames?.[slot],
    )) as SlotClasses<TSlot>;
  slots.ui = (primitive, ...extra) => cx(!unstyled && `masetra-${primitive}`, ...extra);
  return slots;
}
