import { describe, expect, it } from 'vitest';
import { deviation } from '../deviation';
import { importRowInput, resolveImportColumns } from './importColumns';

describe('import columns', () => {
  it('takes the fields a create takes, and names every other header a problem of row 1', () => {
    const { columns, problems } = resolveImportColumns(deviation, [
      'title',
      'ownerId',
      'number',
      'recurrence',
      'title',
      'colour',
      null,
    ]);
    expect(columns.map((column) => [column.index, column.field])).toEqual([
      [0, 'title'],
      [1, 'ownerId'],
    ]);
    expect(problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [1, 'number', 'refused_column'],
      [1, 'recurrence', 'refused_column'],
      [1, 'title', 'duplicate_column'],
      [1, 'colour', 'unknown_column'],
    ]);
  });

  it('converts cells by their field’s schema, and checks the row by the create input', () => {
    const header = ['title', 'occurredAt', 'capaRequired', 'severity', 'description'];
    const { columns } = resolveImportColumns(deviation, header);
    expect(importRowInput(deviation, columns, ["'=SUM(A1)", '2026-03-01', 'Yes', 'major', ''], 2)).toEqual({
      input: {
        title: '=SUM(A1)',
        occurredAt: '2026-03-01T00:00:00.000Z',
        capaRequired: true,
        severity: 'major',
      },
      problems: [],
    });
    const typed = importRowInput(
      deviation,
      columns,
      ['T', new Date('2026-03-01T10:00:00Z'), false, 'minor'],
      3,
    );
    expect(typed.input).toMatchObject({ occurredAt: '2026-03-01T10:00:00.000Z', capaRequired: false });
    const bad = importRowInput(
      deviation,
      columns,
      ['', 'yesterday', 'perhaps', 'huge', 'x'.repeat(20_001)],
      7,
    );
    expect(bad.input).toBeNull();
    expect(bad.problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [7, 'occurredAt', 'invalid_date'],
      [7, 'capaRequired', 'invalid_boolean'],
      [7, 'severity', 'invalid_enum'],
    ]);
    const invalid = importRowInput(deviation, columns, ['', '', '', '', 'x'.repeat(20_001)], 8);
    expect(invalid.problems.map((problem) => [problem.column, problem.code])).toEqual([
      ['title', 'required'],
      ['description', 'invalid_value'],
    ]);
  });
});
