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
export function TrendChart({
  recordType,
  months,
  charts,
}: {
  recordType: RecordType;
  months: Kpis['openedClosedByMonth'];
  charts: QmsCharts | undefined;
}) {
  const { t, labels, format, unstyled } = useQms();
  const series: ChartSeries[] = [
    { key: 'opened', label: t('dashboard.opened') },
    { key: 'closed', label: t('dashboard.closed') },
  ];
  const points: ChartPoint[] = months
    .filter((entry) => entry.recordType === recordType.name)
    .map((entry) => ({
      key: entry.month,
      label: monthLabel(format.locale, entry.month),
      values: { opened: entry.opened, closed: entry.closed },
    }));
  if (points.length === 0) return null;
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
