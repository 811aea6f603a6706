import { type Kpis, type RecordType, trainingTrigger } from '@masetra/core';
import { useId, useState } from 'react';
import type { RecordTypeRef } from '../hooks/useRecordType';
import { type ClassNames, type SlotClasses, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import type { QmsCharts } from '../reports/qmsCharts';
import { TrainingOverdue } from '../training/TrainingOverdue';
import { Bars } from './Bars';
import { KeyFigures } from './KeyFigures';
import { TrendChart } from './TrendChart';
import { twelveMonthsTo, useKpis } from './useKpis';
import { useRecordTypeFigures } from './useRecordTypeFigures';

export type DashboardSlot =
  | 'root'
  | 'title'
  | 'period'
  | 'cards'
  | 'card'
  | 'cardTitle'
  | 'total'
  | 'bars'
  | 'bar'
  | 'barFill'
  | 'overdue'
  | 'cycleTime'
  | 'figures';

export interface DashboardProps {
  /** The record types to summarise; every type of the registry by default. */
  recordTypes?: readonly RecordTypeRef<RecordType>[];
  /**
   * The end of the period (ISO 8601), which covers the twelve calendar months up to it; now by
   * default. Fix it to render the same on server and client.
   */
  now?: string;
  /**
   * The chart components, e.g. those of `@masetra/react/charts`: trends are drawn as line charts.
   * Without them the dashboard shows the same numbers as tables, and loads no chart library.
   */
  charts?: QmsCharts;
  /** Overdue training (the user's, and the organization's for those who read the matrix); shown when the registry has documents. Default true. */
  showTraining?: boolean;
  /** Called by the training card's "Open my training". */
  onOpenTraining?: () => void;
  className?: string;
  classNames?: ClassNames<DashboardSlot>;
}

/** Overdue and cycle time of one type, from the report API. */
function TypeFigures({ recordType, slots }: { recordType: RecordType; slots: SlotClasses<DashboardSlot> }) {
  const { t, format } = useQms();
  const figures = useRecordTypeFigures(recordType);
  if (figures.isPending) return <p role="status">{t('common.loading')}</p>;
  if (figures.isError)
    return (
      <p className={slots.ui('alert')} role="alert">
        {describeError(t, figures.error)}
      </p>
    );
  const { overdue, cycleTime } = figures.data;
  return (
    <>
      {overdue !== undefined && (
        <>
          <h4 className={slots.ui('heading')}>{t('dashboard.overdue')}</h4>
          <p className={slots('overdue')} data-count={overdue}>
            {overdue === 0
              ? t('dashboard.noOverdue')
              : t('dashboard.overdueCount', { count: format.number(overdue) })}
          </p>
        </>
      )}
      <h4 className={slots.ui('heading')}>{t('dashboard.cycleTime')}</h4>
      <p className={slots('cycleTime')}>
        {cycleTime
          ? t('dashboard.cycleTimeValue', {
              median: format.number(cycleTime.medianDays, { maximumFractionDigits: 1 }),
              p90: format.number(cycleTime.p90Days, { maximumFractionDigits: 1 }),
              count: format.number(cycleTime.count),
            })
          : t('dashboard.noClosed')}
      </p>
    </>
  );
}

function SummaryCard({
  recordType,
  kpis,
  charts,
  slots,
}: {
  recordType: RecordType;
  kpis: Kpis;
  charts: QmsCharts | undefined;
  slots: SlotClasses<DashboardSlot>;
}) {
  const { t, labels, format } = useQms();
  const id = useId();
  const byState = recordType.states
    .map((state) => ({
      key: state,
      label: labels.state(state),
      count:
        kpis.openByState.find((entry) => entry.recordType === recordType.name && entry.state === state)
          ?.count ?? 0,
    }))
    .filter((entry) => entry.count > 0);
  const bySeverity = kpis.openBySeverity
    .filter((entry) => entry.recordType === recordType.name && entry.count > 0)
    .map((entry) => ({
      key: entry.severity ?? '',
      label: entry.severity === null ? t('dashboard.notGraded') : labels.value(entry.severity),
      count: entry.count,
    }));
  const open = byState.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <section className={slots('card')} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={slots.ui('heading', slots('cardTitle'))}>
        {labels.recordType(recordType.name, true)}
      </h3>
      <p className={slots('total')}>{t('dashboard.openCount', { count: format.number(open) })}</p>
      {byState.length > 0 && (
        <>
          <h4 className={slots.ui('heading')}>{t('dashboard.byState')}</h4>
          <Bars label={t('dashboard.byState')} slots={slots} entries={byState} />
        </>
      )}
      {bySeverity.length > 0 && (
        <>
          <h4 className={slots.ui('heading')}>{t('dashboard.bySeverity')}</h4>
          <Bars label={t('dashboard.bySeverity')} slots={slots} entries={bySeverity} />
        </>
      )}
      <TypeFigures recordType={recordType} slots={slots} />
      <TrendChart
        recordType={recordType}
        months={kpis.openedClosedByMonth}
        period={kpis.period}
        charts={charts}
      />
    </section>
  );
}

/**
 * The quality overview, computed by the server: per record type, open items by state and by
 * severity, overdue items, cycle times and the trend of opened versus closed per month; and the
 * organization's key figures (CAPAs on time and effective, documents due for review, findings).
 *
 * @example
 * import { LineChart, BarChart } from '@masetra/react/charts';
 * <Dashboard recordTypes={['deviation', 'capa']} charts={{ BarChart, LineChart }} />
 */
export function Dashboard({
  recordTypes,
  now,
  charts,
  showTraining = true,
  onOpenTraining,
  className,
  classNames,
}: DashboardProps) {
  const { t, registry, format } = useQms();
  const slots = useSlots('dashboard', className, classNames);
  const id = useId();
  // Read the clock once per mount, not on every render.
  const [mountedAt] = useState(() => new Date().toISOString());
  const period = twelveMonthsTo(now ?? mountedAt);
  const kpis = useKpis(period);
  const types = (recordTypes ?? registry.list)
    .map((ref) => (typeof ref === 'string' ? registry.byName(ref) : ref))
    .filter((type): type is RecordType => type !== undefined);
  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`} aria-busy={kpis.isPending}>
      <h2 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {t('dashboard.title')}
      </h2>
      <p className={slots('period')}>
        {t('dashboard.period', { from: format.date(period.from), to: format.date(period.to) })}
      </p>
      {kpis.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : kpis.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, kpis.error)}
        </p>
      ) : (
        <div className={slots('cards')}>
          {types.map((type) => (
            <SummaryCard key={type.name} recordType={type} kpis={kpis.data} charts={charts} slots={slots} />
          ))}
          <KeyFigures kpis={kpis.data} slots={slots} />
          {showTraining && registry.byName(trainingTrigger.recordType) && (
            <TrainingOverdue onOpenTraining={onOpenTraining} />
          )}
        </div>
      )}
    </section>
  );
}
