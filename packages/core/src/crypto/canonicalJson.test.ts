import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import { auditEntryHash, auditEntryHashInput } from './contentHash';

/**
 * The first implementation, written as plainly as possible (arrays of entries, sorted, joined):
 * the faster one must give the same bytes, or stored hashes stop verifying. A plain
 * JSON.stringify of a re-sorted object would not do: JS puts integer-like keys first.
 */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${reference(member)}`).join(',')}}`;
}

/** An entry whose hash is pinned below: keys beyond ASCII, an astral character, undefined members. */
const entry = {
  id: '0196a3b0-0000-7000-8000-000000000001',
  orgId: 'org-acme',
  seq: 1,
  at: '2026-03-02T07:45:00.123Z',
  actorId: 'u-1',
  actorName: 'Zoë Ångström',
  action: 'transition',
  recordType: 'deviation',
  recordId: 'r-1',
  recordNumber: 'DEV-2026-0001',
  changes: [
    { field: 'state', old: 'draft', new: 'in_assessment' },
    { field: 'note', old: undefined, new: 'x\u2028y 😀' },
  ],
  reason: null,
  source: { client: 'web', userAgent: null },
  stateFrom: 'draft',
  stateTo: 'in_assessment',
  skipped: undefined,
  é: 1,
  z: 2,
  '\uffff': 3,
  '😀': 4,
};

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code unit, drops undefined members and writes no whitespace', () => {
    expect(
      canonicalJson({ b: 1, a: [3, undefined, { d: undefined, c: 'x' }], é: 1, z: 2, '\uffff': 3, '😀': 4 }),
    ).toBe('{"a":[3,null,{"c":"x"}],"b":1,"z":2,"é":1,"😀":4,"\uffff":3}');
  });

  it('escapes strings exactly as JSON.stringify does: quotes, controls, lone surrogates', () => {
    for (const text of [
      'plain',
      'a"b',
      'back\\slash',
      'tab\tnew\nline',
      '\u0000\u001f\u007f',
      '\u2028\u2029',
      '😀',
      '\ud800',
      'x\udc00y',
    ]) {
      expect(canonicalJson(text)).toBe(JSON.stringify(text));
      expect(canonicalJson({ [text]: text })).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
    }
  });

  it('writes a value with toJSON as that value, and refuses non-finite numbers', () => {
    expect(canonicalJson({ at: new Date('2026-03-02T07:45:00.123Z') })).toBe(
      '{"at":"2026-03-02T07:45:00.123Z"}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
  });

  it('gives the bytes of the plain implementation for any JSON value, integer-like keys included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the audit entry hash pinned here: a trail hashed years ago must still verify', async () => {
    // Computed when the chain format was fixed. If this changes, every stored chain breaks.
    const pinned = 'b4ad1de542d041856719f3bc8694c31477c62858f62fad34d7486ab3a9b2c583';
    expect(await auditEntryHash('0'.repeat(64), entry)).toBe(pinned);
    expect(auditEntryHashInput('0'.repeat(64), entry).startsWith(`${'0'.repeat(64)}\n{"action":`)).toBe(true);
  });
});
