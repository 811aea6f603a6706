import { describe, expect, it } from 'vitest';
import { createRegistry } from '../registry/createRegistry';
import { recordTypes } from '../registry/recordTypes';
import {
  defineHostObjectKind,
  findHostObjectKind,
  hostObjectHref,
  hostObjectLabel,
  hostObjectRefusal,
} from './hostObjectKinds';

const batch = defineHostObjectKind({
  system: 'mes',
  kind: 'batch',
  label: { en: 'Batch', de: 'Charge' },
  href: 'https://mes.example.com/batches/{id}?from={system}',
});
const sample = defineHostObjectKind({
  system: 'lims',
  kind: 'sample',
  label: (locale) => (locale === 'de' ? 'Probe' : 'Sample'),
  href: (ref) => `/lims/${ref.id}`,
});

describe('host object kinds', () => {
  it('are found by system and kind', () => {
    expect(findHostObjectKind([batch, sample], { system: 'lims', kind: 'sample' })).toBe(sample);
    expect(findHostObjectKind([batch], { system: 'lims', kind: 'sample' })).toBeUndefined();
  });

  it('refuse an undeclared kind once any is declared, and take any kind when none is', () => {
    expect(hostObjectRefusal([batch], { system: 'mes', kind: 'batch' })).toBeNull();
    expect(hostObjectRefusal([batch], { system: 'mes', kind: 'order' })).toContain('mes/order');
    expect(hostObjectRefusal([], { system: 'any', kind: 'thing' })).toBeNull();
    expect(hostObjectRefusal(undefined, { system: 'any', kind: 'thing' })).toBeNull();
  });

  it('label in the locale, English when a language is missing', () => {
    expect(hostObjectLabel(batch, 'de')).toBe('Charge');
    expect(hostObjectLabel(batch, 'fr')).toBe('Batch');
    expect(hostObjectLabel(sample, 'de')).toBe('Probe');
  });

  it('open an object by template, its values URL-encoded, or by function', () => {
    expect(hostObjectHref(batch, { system: 'mes', kind: 'batch', id: 'B 24/117' })).toBe(
      'https://mes.example.com/batches/B%2024%2F117?from=mes',
    );
    expect(hostObjectHref(sample, { system: 'lims', kind: 'sample', id: 'S-9' })).toBe('/lims/S-9');
    expect(
      hostObjectHref(defineHostObjectKind({ system: 'mes', kind: 'order', label: { en: 'Order' } }), {
        system: 'mes',
        kind: 'order',
        id: '1',
      }),
    ).toBeUndefined();
  });

  it('are checked where declared', () => {
    expect(() => defineHostObjectKind({ system: 'MES system', kind: 'batch', label: { en: 'B' } })).toThrow(
      /plain name/,
    );
    expect(() => createRegistry(recordTypes, { hostObjectKinds: [batch, batch] })).toThrow(/share/);
    expect(createRegistry(recordTypes, { hostObjectKinds: [batch] }).hostObjectKinds).toEqual([batch]);
  });
});
