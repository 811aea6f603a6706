import { describe, expect, it } from 'vitest';
import { audit } from '../audit';
import { capa } from '../capa';
import { deviation } from '../deviation';
import { controlledDocument } from '../document';
import { finding } from '../finding';
import type { RecordType } from '../record-type/defineRecordType';
import { serverOwnedFields } from '../record-type/recordBase';
import { builtInRegistry, recordTypes } from './recordTypes';

/** The smallest body a create accepts, per record type. */
const minimalDrafts: [RecordType, Record<string, unknown>][] = [
  [deviation, { title: 'Label misprint on carton 24-117' }],
  [capa, { title: 'Retrain line operators on label checks' }],
  [controlledDocument, { title: 'Line clearance SOP', documentKind: 'sop' }],
  [audit, { title: 'Internal audit: packaging' }],
  [finding, { title: 'Line clearance record incomplete', auditId: '01960000-0000-7000-8000-0000000000a1' }],
];

describe('built-in registry', () => {
  it('holds the five built-in types under their names and collections', () => {
    expect(Object.keys(recordTypes)).toEqual(['deviation', 'capa', 'document', 'audit', 'finding']);
    expect(builtInRegistry.byName('document')).toBe(controlledDocument);
    expect(builtInRegistry.byCollection('capas')).toBe(capa);
    expect(builtInRegistry.list.map((type) => [type.collection, type.numberPrefix])).toEqual([
      ['deviations', 'DEV'],
      ['capas', 'CAPA'],
      ['documents', 'DOC'],
      ['audits', 'AUD'],
      ['findings', 'FND'],
    ]);
  });

  it('links findings to their audit both ways', () => {
    expect(audit.related).toEqual([{ type: 'finding', foreignKey: 'auditId' }]);
    expect(finding.parent).toEqual({ type: 'audit', foreignKey: 'auditId' });
  });

  it.each(minimalDrafts)('$name lists, filters, sorts and searches by its own fields', (recordType) => {
    const fields = Object.keys(recordType.fields);
    for (const field of [
      ...recordType.searchFields,
      ...recordType.filterFields,
      ...recordType.sortFields,
      recordType.titleField,
    ]) {
      expect(fields).toContain(field);
    }
  });
});

describe.each(minimalDrafts)('$name create and update inputs', (recordType, draft) => {
  it('accepts a minimal draft, with or without an owner', () => {
    expect(recordType.createInput.safeParse(draft).success).toBe(true);
    expect(recordType.createInput.safeParse({ ...draft, ownerId: 'user-owner' }).success).toBe(true);
  });

  it('refuses a draft without its required fields', () => {
    for (const key of Object.keys(draft)) {
      const { [key]: _dropped, ...rest } = draft;
      expect(recordType.createInput.safeParse(rest).success, key).toBe(false);
    }
    expect(recordType.createInput.safeParse({ ...draft, title: '   ' }).success).toBe(false);
  });

  it('refuses unknown fields', () => {
    const result = recordType.createInput.safeParse({ ...draft, colour: 'red' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'] });
    expect(recordType.updateInput.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it.each(serverOwnedFields.filter((field) => field !== 'ownerId'))(
    'refuses the server-owned field %s',
    (field) => {
      expect(recordType.createInput.safeParse({ ...draft, [field]: 'x' }).success).toBe(false);
      expect(recordType.updateInput.safeParse({ [field]: 'x' }).success).toBe(false);
    },
  );

  it('accepts an update of any subset of its fields, but not of the owner', () => {
    expect(recordType.updateInput.safeParse({}).success).toBe(true);
    expect(recordType.updateInput.safeParse({ ownerId: 'user-other' }).success).toBe(false);
    expect(recordType.updateInput.safeParse({ title: 'Renamed' }).success).toBe(true);
  });
});
