/**
 * The kinds of object a host system offers for `concerns` links (a batch of the MES, a sample
 * of the LIMS), declared by the host next to its record types. The server checks a `concerns`
 * link against them once the host declared any; the screens show such a link with the kind's
 * label and open it in the host's own application.
 */
import type { HostRef } from '../record-type/recordBase';

/** A text in each language the screens speak, or a function of the locale. */
export type HostObjectLabel = Readonly<{ en: string; de?: string }> | ((locale: string) => string);

export interface HostObjectKind {
  /** The host system, as in a link's `host.system` (`mes`, `lims`). */
  system: string;
  /** The kind of object within the system, as in a link's `host.kind` (`batch`). */
  kind: string;
  /** What one object of this kind is called: "Batch" / "Charge". */
  label: HostObjectLabel;
  /**
   * Where the host application shows one object: a URL template whose `{id}` (and `{system}`,
   * `{kind}`) is filled in, URL-encoded, or a function of the link's host reference.
   */
  href?: string | ((ref: HostRef) => string);
}

/**
 * Declares a kind of host object; checks its names where they are written, not where a link fails.
 *
 * @example
 * const batch = defineHostObjectKind({
 *   system: 'mes', kind: 'batch', label: { en: 'Batch', de: 'Charge' },
 *   href: 'https://mes.example.com/batches/{id}',
 * });
 * const registry = createRegistry(recordTypes, { hostObjectKinds: [batch] });
 */
export function defineHostObjectKind(kind: HostObjectKind): HostObjectKind {
  const name = /^[a-z][a-z0-9_-]{0,63}$/;
  if (!name.test(kind.system)) throw new Error(`Host object kind: system "${kind.system}" is no plain name`);
  if (!name.test(kind.kind)) throw new Error(`Host object kind: kind "${kind.kind}" is no plain name`);
  return kind;
}

/** The declared kind of a host reference, or undefined. */
export function findHostObjectKind(
  kinds: readonly HostObjectKind[] | undefined,
  ref: Pick<HostRef, 'system' | 'kind'>,
): HostObjectKind | undefined {
  return kinds?.find((each) => each.system === ref.system && each.kind === ref.kind);
}

/**
 * Why a host reference is refused, or null: once a host declared kinds, a `concerns` link
 * names one of them. A host that declared none takes any system and kind.
 */
export function hostObjectRefusal(
  kinds: readonly HostObjectKind[] | undefined,
  ref: Pick<HostRef, 'system' | 'kind'>,
): string | null {
  if (!kinds || kinds.length === 0 || findHostObjectKind(kinds, ref)) return null;
  const known = kinds.map((each) => `${each.system}/${each.kind}`).join(', ');
  return `"${ref.system}/${ref.kind}" is no kind of host object this server knows (${known}).`;
}

/** The label of a kind in `locale`, falling back to English. */
export function hostObjectLabel(kind: HostObjectKind, locale: string): string {
  if (typeof kind.label === 'function') return kind.label(locale);
  return locale.startsWith('de') && kind.label.de ? kind.label.de : kind.label.en;
}

/** Where the host application shows the object a reference names, or undefined without an `href`. */
export function hostObjectHref(kind: HostObjectKind, ref: HostRef): string | undefined {
  if (kind.href === undefined) return undefined;
  if (typeof kind.href === 'function') return kind.href(ref);
  const values: Record<string, string> = { id: ref.id, system: ref.system, kind: ref.kind };
  return kind.href.replace(/\{(id|system|kind)\}/g, (_, key: string) =>
    encodeURIComponent(values[key] ?? ''),
  );
}
