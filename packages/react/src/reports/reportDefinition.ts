// What the report builder edits: a saved report's query part, and how it becomes the report route's query.
import type { RecordType, ReportMetric, SavedReport } from '@masetra/core';

/** How a report is drawn: a saved report's `chart`. */
export type ReportChartKind = SavedReport['chart'];

/** A report as the builder holds it: the record type, its filters, grouping, metric and chart. */
export interface ReportDefinition {
  /** The record type's name in the registry. */
  recordType: string;
  /** The list's filters by parameter name: `state`, `ownerId`, filter fields, `q`, `createdFrom`, `createdTo`. */
  filters: Readonly<Record<string, string>>;
  groupBy: string | null;
  metric: ReportMetric;
  /** A cycle-time report's start: `created` or a state; `null` for creation. */
  cycleFrom: string | null;
  /** A cycle-time report's end: a state; `null` for any finished state. */
  cycleTo: string | null;
  chart: ReportChartKind;
}

/** A new report of a type: every record, counted per state, as bars. */
export function defaultReportDefinition(recordType: RecordType): ReportDefinition {
  return {
    recordType: recordType.name,
    filters: {},
    groupBy: 'state',
    metric: 'count',
    cycleFrom: null,
    cycleTo: null,
    chart: 'bar',
  };
}

/** The filters without empty values, so equal reports share a cache entry and a saved report stores no blanks. */
export function filledFilters(filters: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value.trim() !== ''));
}

/** The query of `GET /reports/{collection}` for a definition. */
export function reportQueryOf(definition: ReportDefinition): Record<string, string> {
  const query: Record<string, string> = { ...filledFilters(definition.filters), metric: definition.metric };
  if (definition.groupBy) query.groupBy = definition.groupBy;
  if (definition.metric === 'cycleTime') {
    if (definition.cycleFrom) query.cycleFrom = definition.cycleFrom;
    if (definition.cycleTo) query.cycleTo = definition.cycleTo;
  }
  return query;
}

/** A saved report as a definition to edit. */
export function definitionOfSaved(saved: SavedReport): ReportDefinition {
  return {
    recordType: saved.recordType,
    filters: saved.filters,
    groupBy: saved.groupBy,
    metric: saved.metric,
    cycleFrom: saved.cycleFrom,
    cycleTo: saved.cycleTo,
    chart: saved.chart,
  };
}

/** The start of a calendar day (`2026-03-01`) in UTC, as the report query's `createdFrom` takes it. */
export function startOfDay(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/** `createdTo` is exclusive: a day picked as the last one included is sent as the start of the next. */
export function endOfDay(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** The calendar day a `createdFrom` value starts, for a date input. */
export function dayOf(instant: string | undefined): string {
  return instant ? instant.slice(0, 10) : '';
}

/** The last day a `createdTo` value (exclusive) includes, for a date input. */
export function lastDayBefore(instant: string | undefined): string {
  if (!instant) return '';
  const day = new Date(instant);
  if (Number.isNaN(day.getTime())) return '';
  day.setUTCMilliseconds(day.getUTCMilliseconds() - 1);
  return day.toISOString().slice(0, 10);
}
