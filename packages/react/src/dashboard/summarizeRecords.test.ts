import { recordTypes } from '@masetra/core';
import { FIXTURE_NOW, fixtureDeviations, generateDeviations } from '@masetra/fixtures';
import { describe, expect, it } from 'vitest';
import { doneStatesOf, summarizeRecords } from './summarizeRecords';

describe('summarizeRecords', () => {
  it('counts open records by state and severity, finds overdue ones, and measures cycle times', () => {
    const open = [
      fixtureDeviations.in_assessment,
      fixtureDeviations.in_approval,
      fixtureDeviations.in_investigation,
      fixtureDeviations.in_final_approval,
    ];
    const closed = [
      fixtureDeviations.closed,
      { ...fixtureDeviations.closed, id: 'other', updatedAt: '2026-03-11T09:00:00.000Z' },
    ];
    const summary = summarizeRecords(recordTypes.deviation, open, closed, FIXTURE_NOW);
    expect(summary.open).toBe(4);
    expect(summary.byState).toEqual([
      { state: 'in_assessment', count: 1 },
      { state: 'in_approval', count: 1 },
      { state: 'in_investigation', count: 1 },
      { state: 'in_final_approval', count: 1 },
    ]);
    expect(summary.bySeverity).toEqual([
      { field: 'severity', value: 'major', count: 3 },
      { field: 'severity', value: 'critical', count: 1 },
    ]);
    // in_investigation is due 30 March, in_approval 9 April: both passed on 15 April.
    expect(summary.overdue.map((entry) => entry.record.number)).toEqual(['DEV-2026-0104', 'DEV-2026-0103']);
    // Created 2 March; changed 5 March 15:30 and 11 March 09:00.
    expect(summary.cycleTime?.count).toBe(2);
    expect(summary.cycleTime?.medianDays).toBeCloseTo((3.2708333 + 9) / 2, 3);
  });

  it('has no cycle time without closed records, and counts void states as not done', () => {
    expect(summarizeRecords(recordTypes.capa, [], [], FIXTURE_NOW).cycleTime).toBeUndefined();
    expect(doneStatesOf(recordTypes.deviation)).toEqual(['closed']);
    expect(doneStatesOf(recordTypes.document)).toEqual([]);
  });

  it('summarises thousands of records quickly', () => {
    const many = generateDeviations(10_000).filter((deviation) => deviation.state !== 'closed');
    const started = performance.now();
    const summary = summarizeRecords(recordTypes.deviation, many, [], FIXTURE_NOW);
    expect(summary.open).toBe(many.length);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
