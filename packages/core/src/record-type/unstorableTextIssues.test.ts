import { describe, expect, it } from 'vitest';
import { unstorableTextIssues } from './unstorableTextIssues';

describe('unstorableTextIssues', () => {
  it('accepts ordinary text, emoji (paired surrogates) and right-to-left scripts', () => {
    expect(unstorableTextIssues({ title: 'Läuft 🧪 ‏שלום', tags: ['a', { b: 'c' }] })).toEqual([]);
  });

  it('points at every NUL and unpaired surrogate, in values and in keys', () => {
    const issues = unstorableTextIssues({
      displayName: 'Null\u0000Character',
      nested: { list: ['fine', '\ud800'] },
      'bad\u0000key': 1,
      trailing: 'x\udc00',
    });
    expect(issues.map((issue) => issue.pointer).sort()).toEqual([
      '/bad\u0000key',
      '/displayName',
      '/nested/list/1',
      '/trailing',
    ]);
    expect(issues[0]?.detail).toMatch(/NUL/);
  });

  it('walks a body nested far deeper than the call stack would allow', () => {
    let deep: unknown = 'a\u0000';
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(unstorableTextIssues(deep)).toHaveLength(1);
  });
});
