/**
 * The kinds of link between records, declared once. A link goes from a source record to a
 * target: another record of the same organization, or an object of the host system (a batch,
 * a sample, a work order). The server refuses any link whose kind does not allow its two ends.
 */

/** Every kind of link, by name. */
export const linkKindNames = ['addressed_by', 'changes', 'recurrence_of', 'concerns'] as const;
export type LinkKind = (typeof linkKindNames)[number];

/** Which record types a kind joins. `'*'` is any record type; `'host'` an object of the host system. */
export interface LinkKindRule {
  /** Record types the link may start from. */
  from: readonly string[] | '*';
  /** Record types the link may point to, or `'host'` for a host object. */
  to: readonly string[] | 'host';
  /**
   * A field of the source, by source record type, that lists the ids of its targets of this
   * kind (a deviation's `linkedCapaIds`). The server keeps it in step with the links, in the
   * link's transaction, for the record type's own rules and for readers of the field.
   */
  mirrorField?: Readonly<Record<string, string>>;
  /**
   * A field of the source, by source record type, that named its targets as free text before
   * typed links (a deviation's `recurrence`, by number). Old records still read it; forms no
   * longer write it: a new target is linked.
   */
  replacesField?: Readonly<Record<string, string>>;
  /**
   * The recurrence check: fields of the source, by source record type, whose same value makes an
   * earlier record of the target type a likely target (a deviation in the same area). The screens
   * offer those records first; the person decides.
   */
  similarBy?: Readonly<Record<string, readonly string[]>>;
}

export const linkKinds: Readonly<Record<LinkKind, LinkKindRule>> = {
  /** A deviation or an audit finding is addressed by a CAPA. */
  addressed_by: {
    from: ['deviation', 'finding'],
    to: ['capa'],
    mirrorField: { deviation: 'linkedCapaIds', finding: 'linkedCapaIds' },
  },
  /** A CAPA changes a controlled document. */
  changes: { from: ['capa'], to: ['document'] },
  /** A deviation recurs: it is a recurrence of an earlier one. */
  recurrence_of: {
    from: ['deviation'],
    to: ['deviation'],
    replacesField: { deviation: 'recurrence' },
    similarBy: { deviation: ['area'] },
  },
  /** Any record concerns an object of the host system. */
  concerns: { from: '*', to: 'host' },
};

/** One end of a link as the rules see it: a record of some type, or a host object. */
export type LinkEndType = { recordType: string } | 'host';

export function isLinkKind(value: string): value is LinkKind {
  return (linkKindNames as readonly string[]).includes(value);
}

/**
 * Why a link of `kind` from a `fromType` record to `to` is not allowed, or null when it is.
 * The reason is plain English for a problem detail.
 */
export function linkRefusal(kind: string, fromType: string, to: LinkEndType): string | null {
  if (!isLinkKind(kind)) return `"${kind}" is not a kind of link.`;
  const rule = linkKinds[kind];
  if (rule.from !== '*' && !rule.from.includes(fromType)) {
    return `A ${kind} link cannot start from a ${fromType}.`;
  }
  if (rule.to === 'host') {
    return to === 'host' ? null : `A ${kind} link points to an object of the host system, not to a record.`;
  }
  if (to === 'host') return `A ${kind} link points to a record, not to an object of the host system.`;
  if (!rule.to.includes(to.recordType))
    return `A ${kind} link from a ${fromType} cannot point to a ${to.recordType}.`;
  return null;
}

/** Whether a link of `kind` from a `fromType` record to `to` is allowed. */
export function linkAllowed(kind: string, fromType: string, to: LinkEndType): boolean {
  return linkRefusal(kind, fromType, to) === null;
}

/** The kinds a record of `recordType` can take part in, as source or as target (for a picker). */
export function linkKindsFor(recordType: string): { kind: LinkKind; direction: 'outgoing' | 'incoming' }[] {
  const found: { kind: LinkKind; direction: 'outgoing' | 'incoming' }[] = [];
  for (const kind of linkKindNames) {
    const rule = linkKinds[kind];
    if (rule.from === '*' || rule.from.includes(recordType)) found.push({ kind, direction: 'outgoing' });
    if (rule.to !== 'host' && rule.to.includes(recordType)) found.push({ kind, direction: 'incoming' });
  }
  return found;
}

/**
 * The fields of a record type that links own: those the server keeps in step with links
 * (`mirrorField`) and those links replaced (`replacesField`). Forms leave them alone; the
 * Links section shows and changes them.
 *
 * @example
 * linkOwnedFields('deviation'); // ['linkedCapaIds', 'recurrence']
 */
export function linkOwnedFields(recordType: string): string[] {
  const fields = new Set<string>();
  for (const kind of linkKindNames) {
    const rule = linkKinds[kind];
    const mirror = rule.mirrorField?.[recordType];
    const replaced = rule.replacesField?.[recordType];
    if (mirror) fields.add(mirror);
    if (replaced) fields.add(replaced);
  }
  return [...fields];
}
