// A report's rows as chart series and points, in the words of the screen's language.
import type { RecordType, ReportMetric, ReportResult, ReportRow } from '@masetra/core';
import type { ChartPoint, ChartSeries } from '../charts/chartData';
import { monthLabel } from '../dashboard/monthLabel';
import type { QmsContextValue } from '../provider/QmsContext';

/** The measures a metric's rows carry, in the order the table shows them. */
export const measuresOf: Record<ReportMetric, readonly (keyof ReportRow & string)[]> = {
  count: ['count'],
  overdue: ['overdue'],
  cycleTime: ['medianDays', 'p90Days', 'count'],
  openedClosed: ['opened', 'closed'],
};

/** The measures a chart draws: a cycle-time chart draws days, not how many records were measured. */
const chartedOf: Record<ReportMetric, readonly (keyof ReportRow & string)[]> = {
  ...measuresOf,
  cycleTime: ['medianDays', 'p90Days'],
};

type Words = Pick<QmsContextValue, 't' | 'labels' | 'format' | 'userName'>;

/** What a group's key reads as: a state's, a value's or a person's name, a month, a week's first day. */
export function groupLabel(
  words: Words,
  recordType: RecordType,
  groupBy: string | null,
  key: string | null,
): string {
  const { t, labels, format, userName } = words;
  if (groupBy === null) return t('reports.all');
  if (key === null) return t('reports.noKey');
  if (groupBy === 'state') return labels.state(key);
  if (groupBy === 'ownerId') return userName(key);
  if (groupBy === 'month') return monthLabel(format.locale, key);
  if (groupBy === 'week') return format.date(key.slice(0, 10));
  return recordType.fields[groupBy] ? labels.value(key) : key;
}

export function measureLabel(words: Pick<Words, 't'>, measure: string): string {
  return words.t(`reports.column.${measure}` as 'reports.column.count');
}

/** A report result as chart series and points. */
export function reportChartData(
  words: Words,
  recordType: RecordType,
  result: ReportResult,
): { series: ChartSeries[]; points: ChartPoint[] } {
  const series = chartedOf[result.metric].map((measure) => ({
    key: measure,
    label: measureLabel(words, measure),
  }));
  const points = result.rows.map((row) => ({
    key: row.key ?? '',
    label: groupLabel(words, recordType, result.groupBy, row.key),
    values: Object.fromEntries(series.map(({ key }) => [key, Number(row[key as keyof ReportRow] ?? 0)])),
  }));
  return { series, points };
}
