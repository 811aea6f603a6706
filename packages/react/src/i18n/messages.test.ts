import { recordTypes, serverOwnedFields } from '@masetra/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { describeField } from '../form/describeField';
import { de } from './de';
import { en } from './en';
import { createTranslator, type MessageKey, type Messages } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  it('English and German have the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    // And it is a type error when they do not: `de` is declared as `Messages`.
    expectTypeOf(de).toEqualTypeOf<Messages>();
    expectTypeOf<keyof Messages>().toEqualTypeOf<MessageKey>();
  });

  it('every German message has the English one’s placeholders', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect({ key, placeholders: placeholders(de[key]) }).toEqual({
        key,
        placeholders: placeholders(en[key]),
      });
    }
  });

  it('no message is left empty or untranslated by accident', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(de[key].trim(), key).not.toBe('');
    }
  });

  it('names every state, event, field and value of the built-in record types', () => {
    const missing: string[] = [];
    const has = (key: string) => Object.hasOwn(en, key) || missing.push(key);
    for (const type of Object.values(recordTypes)) {
      has(`type.${type.name}`);
      has(`type.${type.name}.plural`);
      for (const state of type.states) has(`state.${state}`);
      for (const event of type.events) has(`event.${event}`);
      for (const [field, schema] of Object.entries(type.fields)) {
        has(`field.${field}`);
        for (const value of describeField(schema).options ?? []) has(`value.${value}`);
      }
    }
    for (const field of serverOwnedFields.filter(
      (field) => !['id', 'orgId', 'type', 'stateBeforeCancellation'].includes(field),
    )) {
      has(`field.${field}`);
    }
    expect(missing).toEqual([]);
  });

  it('fills placeholders, and a host may override messages or add its own', () => {
    const t = createTranslator(en, { 'table.empty': 'Nothing here.', 'state.in_change': 'In change' });
    expect(t('table.count', { count: 3 })).toBe('3 shown');
    expect(t('table.empty')).toBe('Nothing here.');
    expect(t.optional('state.in_change')).toBe('In change');
    expect(t.optional('state.unheard_of')).toBeUndefined();
    // @ts-expect-error table.count needs its count
    expect(() => t('table.count')).not.toThrow();
  });
});
