import type { RecordBase, RecordType } from '@masetra/core';
import { describeField } from '../form/describeField';
import { stateKindOf } from '../state-badge/stateKind';

/** What a dashboard shows of one record type. */
export interface RecordTypeSummary {
  recordType: string;
  open: number;
  /** Open records per open state, in lifecycle order. */
  byState: { state: string; count: number }[];
  /** Open records per severity (or classification), most severe last as the schema lists them. */
  bySeverity: { field: string; value: string; count: number }[];
  /** Open records whose due date (or periodic review) has passed, soonest first. */
  overdue: { record: RecordBase; field: string; due: string }[];
  /** Days from creation to closing, over the records closed. */
  cycleTime: { medianDays: number; meanDays: number; count: number } | undefined;
}

const DAY_MS = 86_400_000;
const severityFields = ['severity', 'classification'];
const dueFields = ['dueAt', 'nextReviewDue'];

/** The states in which a record of the type counts as done (closed), not void (cancelled). */
export function doneStatesOf(recordType: RecordType): string[] {
  return recordType.finalStates.filter((state) => stateKindOf(recordType, state) === 'done');
}

export function openStatesOf(recordType: RecordType): string[] {
  return recordType.states.filter((state) => !recordType.finalStates.includes(state));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Counts open records by state and severity, finds the overdue ones, and measures cycle
 * times of the closed ones (creation to last change, which for a closed record is its
 * closing). Pure: the dashboard feeds it what it listed through the client.
 *
 * @example
 * summarizeRecords(recordTypes.deviation, openDeviations, closedDeviations, new Date().toISOString());
 */
export function summarizeRecords(
  recordType: RecordType,
  open: readonly RecordBase[],
  closed: readonly RecordBase[],
  now: string,
): RecordTypeSummary {
  const at = Date.parse(now);
  const stateCounts = new Map<string, number>();
  const severityField = severityFields.find((field) => recordType.fields[field]);
  const severityCounts = new Map<unknown, number>();
  for (const record of open) {
    stateCounts.set(record.state, (stateCounts.get(record.state) ?? 0) + 1);
    if (severityField) {
      const value = (record as Record<string, unknown>)[severityField];
      severityCounts.set(value, (severityCounts.get(value) ?? 0) + 1);
    }
  }
  const byState = openStatesOf(recordType)
    .map((state) => ({ state, count: stateCounts.get(state) ?? 0 }))
    .filter((entry) => entry.count > 0);
  const severities = severityField ? (describeField(recordType.fields[severityField]!).options ?? []) : [];
  const bySeverity = severities
    .map((value) => ({ field: severityField!, value, count: severityCounts.get(value) ?? 0 }))
    .filter((entry) => entry.count > 0);

  const overdue = open
    .flatMap((record) => {
      const field = dueFields.find(
        (candidate) => typeof (record as Record<string, unknown>)[candidate] === 'string',
      );
      const due = field ? ((record as Record<string, unknown>)[field] as string) : undefined;
      return field && due && Date.parse(due) < at ? [{ record, field, due }] : [];
    })
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due));

  const days = closed.map((record) => (Date.parse(record.updatedAt) - Date.parse(record.createdAt)) / DAY_MS);
  const cycleTime =
    days.length === 0
      ? undefined
      : {
          medianDays: median(days),
          meanDays: days.reduce((sum, value) => sum + value, 0) / days.length,
          count: days.length,
        };

  return { recordType: recordType.name, open: open.length, byState, bySeverity, overdue, cycleTime };
}
