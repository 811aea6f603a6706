import { describe, expect, it } from 'vitest';
import { isVersionLabel, nextMajorVersion, nextMinorVersion, versionLabelOf } from './versionLabel';

describe('document version labels', () => {
  it.each([
    ['0.1', '0.2'],
    ['0.9', '0.10'],
    ['1.0', '1.1'],
    ['2.3', '2.4'],
  ])('nextMinorVersion(%s) is %s', (label, next) => {
    expect(nextMinorVersion(label)).toBe(next);
  });

  it.each([
    ['0.1', '1.0'],
    ['0.3', '1.0'],
    ['1.2', '2.0'],
    ['9.10', '10.0'],
  ])('nextMajorVersion(%s) is %s', (label, next) => {
    expect(nextMajorVersion(label)).toBe(next);
  });

  it.each(['', '1', '1.', 'v1.0', '1.0.0', ' 1.0', '-1.0'])('refuses %j as a label', (label) => {
    expect(isVersionLabel(label)).toBe(false);
    expect(() => nextMinorVersion(label)).toThrow(RangeError);
    expect(() => nextMajorVersion(label)).toThrow(RangeError);
  });

  it('reads a missing label as the first version', () => {
    expect(versionLabelOf({})).toBe('0.1');
    expect(versionLabelOf({ versionLabel: '3.2' })).toBe('3.2');
  });
});
