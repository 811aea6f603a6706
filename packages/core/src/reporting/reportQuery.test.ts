import { describe, expect, it } from 'vitest';
import { audit } from '../audit';
import { capa } from '../capa';
import { listQuerySchema } from '../contract/listQuery';
import { deviation } from '../deviation';
import { controlledDocument } from '../document';
import { finding } from '../finding';
import { reportGroupKeys, reportQuerySchema } from './reportQuery';

describe('what record types declare for reports', () => {
  it('groups by the filter fields unless the type names its own, and names its due date', () => {
    expect(deviation.groupFields).toEqual(['severity', 'area']);
    expect(capa.groupFields).toEqual(capa.filterFields);
    expect(finding.groupFields).toEqual(['classification', 'auditId']);
    expect([
      deviation.dueField,
      capa.dueField,
      finding.dueField,
      controlledDocument.dueField,
      audit.dueField,
    ]).toEqual(['dueAt', 'dueAt', 'dueAt', 'nextReviewDue', undefined]);
    expect(reportGroupKeys(deviation)).toEqual(['severity', 'area', 'state', 'ownerId', 'month', 'week']);
  });
});

describe('reportQuerySchema', () => {
  const schema = reportQuerySchema(deviation);

  it("takes the list's filters, the time range, a grouping, a metric and a cycle", () => {
    const query = {
      state: 'draft,closed',
      severity: 'major',
      ownerId: 'ian',
      area: 'Warehouse',
      q: 'excursion',
      createdFrom: '2030-01-01T00:00:00Z',
      createdTo: '2030-02-01T00:00:00+01:00',
      groupBy: 'week',
      metric: 'cycleTime',
      cycleFrom: 'created',
      cycleTo: 'in_approval',
    };
    expect(schema.parse(query)).toEqual(query);
  });

  it.each([
    [{ groupBy: 'colour' }, 'groupBy'],
    [{ metric: 'sum' }, 'metric'],
    [{ cycleTo: 'created' }, 'cycleTo'],
    [{ cycleFrom: 'finished' }, 'cycleFrom'],
    [{ createdFrom: '2030-01-01' }, 'createdFrom'],
    [{ limit: '10' }, ''],
    [{ classification: 'major' }, ''],
  ])('refuses %o', (query, path) => {
    const result = schema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(path);
  });

  it('offers `overdue` only to types with a due date', () => {
    expect(reportQuerySchema(capa).safeParse({ metric: 'overdue' }).success).toBe(true);
    expect(reportQuerySchema(audit).safeParse({ metric: 'overdue' }).success).toBe(false);
  });

  it('shares the creation time range with the list', () => {
    const list = listQuerySchema(deviation);
    expect(
      list.parse({ createdFrom: '2030-01-01T00:00:00.000Z', createdTo: '2030-02-01T00:00:00.000Z' }),
    ).toEqual({
      createdFrom: '2030-01-01T00:00:00.000Z',
      createdTo: '2030-02-01T00:00:00.000Z',
    });
    expect(list.safeParse({ createdTo: 'tomorrow' }).success).toBe(false);
  });
});
