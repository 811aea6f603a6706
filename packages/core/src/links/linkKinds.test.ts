import { describe, expect, it } from 'vitest';
import { isLinkKind, linkAllowed, linkKinds, linkKindsFor, linkOwnedFields, linkRefusal } from './linkKinds';
import { linkInputSchema } from './linkSchemas';

describe('link kinds', () => {
  it.each([
    ['addressed_by', 'deviation', { recordType: 'capa' }],
    ['addressed_by', 'finding', { recordType: 'capa' }],
    ['changes', 'capa', { recordType: 'document' }],
    ['recurrence_of', 'deviation', { recordType: 'deviation' }],
    ['concerns', 'deviation', 'host'],
    ['concerns', 'document', 'host'],
    ['concerns', 'a_host_type', 'host'],
  ] as const)('allows %s from a %s to %o', (kind, from, to) => {
    expect(linkRefusal(kind, from, to)).toBeNull();
    expect(linkAllowed(kind, from, to)).toBe(true);
  });

  it.each([
    ['addressed_by', 'capa', { recordType: 'deviation' }, 'cannot start from a capa'],
    ['addressed_by', 'deviation', { recordType: 'document' }, 'cannot point to a document'],
    ['addressed_by', 'deviation', 'host', 'points to a record'],
    ['changes', 'deviation', { recordType: 'document' }, 'cannot start from a deviation'],
    ['recurrence_of', 'deviation', { recordType: 'capa' }, 'cannot point to a capa'],
    ['concerns', 'deviation', { recordType: 'capa' }, 'host system, not to a record'],
    ['blocks', 'deviation', { recordType: 'capa' }, 'not a kind of link'],
  ] as const)('refuses %s from a %s to %o', (kind, from, to, why) => {
    expect(linkRefusal(kind, from, to)).toContain(why);
    expect(linkAllowed(kind, from, to)).toBe(false);
  });

  it('names every kind once and knows its own names', () => {
    expect(Object.keys(linkKinds).sort()).toEqual(['addressed_by', 'changes', 'concerns', 'recurrence_of']);
    expect(isLinkKind('changes')).toBe(true);
    expect(isLinkKind('toString')).toBe(false);
  });

  it('lists the kinds a record type takes part in, in each direction', () => {
    expect(linkKindsFor('capa')).toEqual([
      { kind: 'addressed_by', direction: 'incoming' },
      { kind: 'changes', direction: 'outgoing' },
      { kind: 'concerns', direction: 'outgoing' },
    ]);
    expect(linkKindsFor('deviation')).toContainEqual({ kind: 'recurrence_of', direction: 'incoming' });
    expect(linkKindsFor('deviation')).toContainEqual({ kind: 'recurrence_of', direction: 'outgoing' });
  });
});

describe('link input', () => {
  const id = '01960000-0000-7000-8000-0000000000c1';
  it('takes exactly one other end', () => {
    expect(linkInputSchema.safeParse({ kind: 'addressed_by', to: { type: 'capa', id } }).success).toBe(true);
    expect(linkInputSchema.safeParse({ kind: 'addressed_by', from: { type: 'deviation', id } }).success).toBe(
      true,
    );
    expect(
      linkInputSchema.safeParse({ kind: 'concerns', host: { system: 'mes', kind: 'batch', id: 'B-1' } })
        .success,
    ).toBe(true);
    expect(
      linkInputSchema.safeParse({
        kind: 'addressed_by',
        to: { type: 'capa', id },
        from: { type: 'deviation', id },
      }).success,
    ).toBe(false);
    expect(linkInputSchema.safeParse({ kind: 'addressed_by' }).success).toBe(false);
    expect(
      linkInputSchema.safeParse({ kind: 'addressed_by', to: { type: 'capa', id: 'CAPA-1' } }).success,
    ).toBe(false);
    expect(linkInputSchema.safeParse({ kind: 'relates', to: { type: 'capa', id } }).success).toBe(false);
  });
});

describe('fields links own', () => {
  it('names the mirror and the replaced fields of a source type, and none of others', () => {
    expect(linkOwnedFields('deviation').sort()).toEqual(['linkedCapaIds', 'recurrence']);
    expect(linkOwnedFields('finding')).toEqual(['linkedCapaIds']);
    expect(linkOwnedFields('capa')).toEqual([]);
  });
});
