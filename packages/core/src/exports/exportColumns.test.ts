import { describe, expect, it } from 'vitest';
import { capa } from '../capa';
import { deviation } from '../deviation';
import { controlledDocument } from '../document';
import {
  defaultExportColumns,
  exportableColumns,
  exportColumnNames,
  resolveExportColumns,
} from './exportColumns';

describe('export columns', () => {
  it('type each field by its schema: date-times as dates, numbers, booleans, the rest text', () => {
    const kinds = exportableColumns(deviation);
    expect(kinds.get('occurredAt')).toBe('date');
    expect(kinds.get('createdAt')).toBe('date');
    expect(kinds.get('capaRequired')).toBe('boolean');
    expect(kinds.get('version')).toBe('number');
    expect(kinds.get('severity')).toBe('text');
    expect(kinds.get('hostRefs')).toBe('text');
    // Server-internal identifiers of the row are no columns.
    expect(kinds.has('orgId')).toBe(false);
    expect(kinds.has('type')).toBe(false);
  });

  it('leave out the fields a type hides from its screens', () => {
    expect(controlledDocument.hiddenFields?.length).toBeGreaterThan(0);
    for (const field of controlledDocument.hiddenFields ?? [])
      expect(exportableColumns(controlledDocument).has(field)).toBe(false);
  });

  it('default to number, title, state, owner, creation time and the type’s filters', () => {
    expect(defaultExportColumns(deviation)).toEqual([
      'number',
      'title',
      'state',
      'ownerId',
      'createdAt',
      'severity',
      'area',
    ]);
    expect(defaultExportColumns(capa).slice(0, 5)).toEqual([
      'number',
      'title',
      'state',
      'ownerId',
      'createdAt',
    ]);
  });

  it('keep the order named, once each, and name every field the type has not', () => {
    expect(exportColumnNames(' title, number ,')).toEqual(['title', 'number']);
    const resolved = resolveExportColumns(deviation, 'severity,number,colour,severity,passwordHash');
    expect(resolved.columns.map((column) => column.field)).toEqual(['severity', 'number']);
    expect(resolved.unknown).toEqual(['colour', 'passwordHash']);
    expect(resolveExportColumns(deviation, ['dueAt']).columns).toEqual([{ field: 'dueAt', kind: 'date' }]);
  });
});
