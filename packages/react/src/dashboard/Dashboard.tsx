import { type RecordBase, type RecordType, trainingTrigger } from '@masetra/core';
import { useId, useState } from 'react';
import type { RecordTypeRef } from '../hooks/useRecordType';
import { type ClassNames, type SlotClasses, useSlots } from '../internal/classNames';
import { formatFieldValue } from '../internal/FieldValue';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { TrainingOverdue } from '../training/TrainingOverdue';
import { useRecordSummary } from './useRecordSummary';

export type DashboardSlot =
  | 'root'
  | 'title'
  | 'cards'
  | 'card'
  | 'cardTitle'
  | 'total'
  | 'bars'
  | 'bar'
  | 'barFill'
  | 'overdue'
  | 'cycleTime';

export interface DashboardProps {
  /** The record types to summarise; every type of the registry by default. */
  recordTypes?: readonly RecordTypeRef<RecordType>[];
  /** The instant overdue is judged at (ISO 8601); now by default. Fix it to render the same on server and client. */
  now?: string;
  /** The most records listed per type and group. Default 1000. */
  maxRecords?: number;
  /** Overdue training (the user's, and the organization's for those who read the matrix); shown when the registry has documents. Default true. */
  showTraining?: boolean;
  /** Called by the training card's "Open my training". */
  onOpenTraining?: () => void;
  /** Called when an overdue record is opened. */
  onOpenRecord?: (record: RecordBase, recordType: RecordType) => void;
  className?: string;
  classNames?: ClassNames<DashboardSlot>;
}

function Bars({
  entries,
  label,
  slots,
}: {
  entries: { key: string; label: string; count: number }[];
  label: string;
  slots: SlotClasses<DashboardSlot>;
}) {
  const { format } = useQms();
  const max = Math.max(1, ...entries.map((entry) => entry.count));
  return (
    <ul className={slots('bars')} aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key} className={slots('bar')} data-key={entry.key}>
          <span>{entry.label}</span> <strong>{format.number(entry.count)}</strong>
          <span
            className={slots('barFill')}
            aria-hidden="true"
            style={{ inlineSize: `${Math.round((entry.count / max) * 100)}%` }}
          />
        </li>
      ))}
    </ul>
  );
}

function SummaryCard({
  recordType,
  now,
  maxRecords,
  onOpenRecord,
  slots,
}: {
  recordType: RecordType;
  now: string;
  maxRecords: number | undefined;
  onOpenRecord: DashboardProps['onOpenRecord'];
  slots: SlotClasses<DashboardSlot>;
}) {
  const qms = useQms();
  const { t, labels, format } = qms;
  const id = useId();
  const summary = useRecordSummary(recordType, { now, maxRecords });
  const data = summary.data;
  return (
    <section className={slots('card')} aria-labelledby={`${id}-title`} aria-busy={summary.isPending}>
      <h3 id={`${id}-title`} className={slots.ui('heading', slots('cardTitle'))}>
        {labels.recordType(recordType.name, true)}
      </h3>
      {summary.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : summary.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, summary.error)}
        </p>
      ) : data ? (
        <>
          <p className={slots('total')}>{t('dashboard.openCount', { count: format.number(data.open) })}</p>
          {data.byState.length > 0 && (
            <>
              <h4 className={slots.ui('heading')}>{t('dashboard.byState')}</h4>
              <Bars
                label={t('dashboard.byState')}
                slots={slots}
                entries={data.byState.map((entry) => ({
                  key: entry.state,
                  label: labels.state(entry.state),
                  count: entry.count,
                }))}
              />
            </>
          )}
          {data.bySeverity.length > 0 && (
            <>
              <h4 className={slots.ui('heading')}>{t('dashboard.bySeverity')}</h4>
              <Bars
                label={t('dashboard.bySeverity')}
                slots={slots}
                entries={data.bySeverity.map((entry) => ({
                  key: entry.value,
                  label: labels.value(entry.value),
                  count: entry.count,
                }))}
              />
            </>
          )}
          <h4 className={slots.ui('heading')}>{t('dashboard.overdue')}</h4>
          {data.overdue.length === 0 ? (
            <p className={slots.ui('hint')}>{t('dashboard.noOverdue')}</p>
          ) : (
            <ul className={slots('overdue')}>
              {data.overdue.slice(0, 10).map(({ record, field, due }) => (
                <li key={record.id}>
                  {onOpenRecord ? (
                    <button
                      type="button"
                      className={slots.ui('button')}
                      data-variant="link"
                      onClick={() => onOpenRecord(record, recordType)}
                    >
                      {record.number}
                    </button>
                  ) : (
                    <strong>{record.number}</strong>
                  )}{' '}
                  {String((record as Record<string, unknown>)[recordType.titleField] ?? '')}
                  {' · '}
                  <time dateTime={due}>
                    {t('dashboard.dueOn', {
                      date: formatFieldValue(qms, recordType, field, due),
                    })}
                  </time>
                </li>
              ))}
            </ul>
          )}
          <h4 className={slots.ui('heading')}>{t('dashboard.cycleTime')}</h4>
          <p className={slots('cycleTime')}>
            {data.cycleTime
              ? t('dashboard.cycleTimeValue', {
                  median: format.number(data.cycleTime.medianDays, { maximumFractionDigits: 1 }),
                  mean: format.number(data.cycleTime.meanDays, { maximumFractionDigits: 1 }),
                  count: format.number(data.cycleTime.count),
                })
              : t('dashboard.noClosed')}
          </p>
          {data.truncated && (
            <p className={slots.ui('hint')}>
              {t('dashboard.truncated', { count: format.number(maxRecords ?? 1000) })}
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}

/**
 * The quality overview: per record type, open items by state and by severity, overdue
 * items, and cycle times, computed from lists fetched through the client.
 *
 * @example
 * <Dashboard recordTypes={['deviation', 'capa']} onOpenRecord={(record, type) => open(type.name, record.id)} />
 */
export function Dashboard({
  recordTypes,
  now,
  maxRecords,
  onOpenRecord,
  showTraining = true,
  onOpenTraining,
  className,
  classNames,
}: DashboardProps) {
  const { t, registry } = useQms();
  const slots = useSlots('dashboard', className, classNames);
  const id = useId();
  // Read the clock once per mount, not on every render.
  const [mountedAt] = useState(() => new Date().toISOString());
  const types = (recordTypes ?? registry.list).map((ref) =>
    typeof ref === 'string' ? registry.byName(ref) : ref,
  );
  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {t('dashboard.title')}
      </h2>
      <div className={slots('cards')}>
        {types.map(
          (type) =>
            type && (
              <SummaryCard
                key={type.name}
                recordType={type}
                now={now ?? mountedAt}
                maxRecords={maxRecords}
                onOpenRecord={onOpenRecord}
                slots={slots}
              />
            ),
        )}
        {showTraining && registry.byName(trainingTrigger.recordType) && (
          <TrainingOverdue onOpenTraining={onOpenTraining} />
        )}
      </div>
    </section>
  );
}
