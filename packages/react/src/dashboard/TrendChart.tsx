import type { Kpis, RecordType } from '@masetra/core';
import { ChartDataTable } from '../charts/ChartDataTable';
import type { ChartPoint, ChartSeries } from '../charts/chartData';
import { useQms } from '../provider/useQms';
import type { QmsCharts } from '../reports/qmsCharts';
import { monthLabel } from './monthLabel';

/**
 * A record type's records opened and closed per month: a line chart when the host passed the
 * charts, the same numbers as a table otherwise.
 */
/** The first day (`YYYY-MM-01`) of every month the period touches, oldest first. */
function monthsOf(period: Kpis['period']): string[] {
  const months: string[] = [];
  const end = new Date(period.to);
  const cursor = new Date(period.from);
  cursor.setUTCDate(1);
  cursor.setUTCHours(0, 0, 0, 0);
  while (cursor < end && months.length < 120) {
    months.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

export function TrendChart({
  recordType,
  months,
  period,
  charts,
}: {
  recordType: RecordType;
  months: Kpis['openedClosedByMonth'];
  /** The KPIs' period: months without records are drawn as zero, so the line spans the whole period. */
  period: Kpis['period'];
  charts: QmsCharts | undefined;
}) {
  const { t, labels, format, unstyled } = useQms();
  const series: ChartSeries[] = [
    { key: 'opened', label: t('dashboard.opened') },
    { key: 'closed', label: t('dashboard.closed') },
  ];
  const counted = new Map(
    months
      .filter((entry) => entry.recordType === recordType.name)
      .map((entry) => [entry.month.slice(0, 10), entry] as const),
  );
  if (counted.size === 0) return null;
  const points: ChartPoint[] = monthsOf(period).map((month) => ({
    key: month,
    label: monthLabel(format.locale, month),
    values: { opened: counted.get(month)?.opened ?? 0, closed: counted.get(month)?.closed ?? 0 },
  }));
  const title = `${labels.recordType(recordType.name, true)}: ${t('dashboard.trend')}`;
  const common = {
    title,
    categoryLabel: t('dashboard.month'),
    series,
    points,
    formatValue: (value: number) => format.number(value),
    unstyled,
  };
  return charts ? (
    <charts.LineChart {...common} height={200} />
  ) : (
    <ChartDataTable
      id={undefined}
      {...common}
      visible
      className={unstyled ? undefined : 'masetra-chart__table'}
    />
  );
}
