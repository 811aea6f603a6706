import { describe, expect, it } from 'vitest';
import { createVersionMemory, versionOfEtag } from './versionMemory';

describe('versionMemory', () => {
  it('keeps the last version per id and forgets the least recently seen beyond its capacity', () => {
    const versions = createVersionMemory(2);
    versions.remember('a', 1);
    versions.remember('b', 1);
    versions.remember('a', 2);
    versions.remember('c', 1);
    expect([versions.get('a'), versions.get('b'), versions.get('c')]).toEqual([2, undefined, 1]);
  });

  it('reads the version an ETag names', () => {
    expect(['"3"', 'W/"12"', '7', null, '"v3"'].map(versionOfEtag)).toEqual([3, 12, 7, undefined, undefined]);
  });
});
