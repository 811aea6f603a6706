import type { RecordType, ReportResult } from '@masetra/core';
import { useId } from 'react';
import type { SlotClasses } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import type { QmsCharts } from './qmsCharts';
import type { ReportBuilderSlot } from './ReportBuilder';
import { groupLabel, measureLabel, measuresOf, reportChartData } from './reportChartData';
import type { ReportChartKind } from './reportDefinition';

/** A report's chart (when the host passed the charts and one is chosen) and its table, with the total. */
export function ReportResultView({
  recordType,
  result,
  chart,
  charts,
  title,
  slots,
}: {
  recordType: RecordType;
  result: ReportResult;
  chart: ReportChartKind;
  charts: QmsCharts | undefined;
  title: string;
  slots: SlotClasses<ReportBuilderSlot>;
}) {
  const qms = useQms();
  const { t, format, unstyled } = qms;
  const id = useId();
  const measures = measuresOf[result.metric];
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const Chart =
    !charts || chart === 'table'
      ? undefined
      : chart === 'line'
        ? charts.LineChart
        : chart === 'pie'
          ? (charts.PieChart ?? charts.BarChart)
          : charts.BarChart;
  const { series, points } = reportChartData(qms, recordType, result);
  const groupHeader = t('reports.group');
  return (
    <div className={slots('result')}>
      {Chart && result.rows.length > 0 && (
        <Chart
          title={title}
          categoryLabel={groupHeader}
          series={series}
          points={points}
          formatValue={number}
          // The table below has the numbers: the chart's own would repeat them to screen readers.
          table={false}
          description={t('reports.chartDescription')}
          unstyled={unstyled}
        />
      )}
      {result.rows.length === 0 ? (
        <p className={slots.ui('hint')}>{t('reports.empty')}</p>
      ) : (
        <table className={slots('table')} aria-labelledby={`${id}-caption`}>
          <caption id={`${id}-caption`}>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{groupHeader}</th>
              {measures.map((measure) => (
                <th key={measure} scope="col">
                  {measureLabel(qms, measure)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.key ?? ''} data-key={row.key ?? ''}>
                <th scope="row">{groupLabel(qms, recordType, result.groupBy, row.key)}</th>
                {measures.map((measure) => {
                  const value = row[measure];
                  return (
                    <td key={measure}>
                      {typeof value === 'number' ? number(value) : t('common.emptyValue')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={slots('total')}>{t('reports.total', { count: format.number(result.total) })}</p>
    </div>
  );
}
