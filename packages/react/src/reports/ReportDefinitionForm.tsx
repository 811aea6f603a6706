import {
  CYCLE_FROM_CREATION,
  type RecordType,
  type ReportMetric,
  reportCharts,
  reportGroupKeys,
  reportMetrics,
} from '@masetra/core';
import { useId } from 'react';
import { describeField } from '../form/describeField';
import type { SlotClasses } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import type { ReportBuilderSlot } from './ReportBuilder';
import {
  dayOf,
  defaultReportDefinition,
  endOfDay,
  lastDayBefore,
  type ReportChartKind,
  type ReportDefinition,
  startOfDay,
} from './reportDefinition';

/** The controls of a report: record type, filters, grouping, metric (and a cycle's ends), chart. */
export function ReportDefinitionForm({
  recordTypes,
  recordType,
  definition,
  onChange,
  slots,
}: {
  recordTypes: readonly RecordType[];
  recordType: RecordType;
  definition: ReportDefinition;
  onChange(definition: ReportDefinition): void;
  slots: SlotClasses<ReportBuilderSlot>;
}) {
  const { t, labels } = useQms();
  const id = useId();
  const set = (changes: Partial<ReportDefinition>) => onChange({ ...definition, ...changes });
  const setFilter = (name: string, value: string) =>
    set({ filters: { ...definition.filters, [name]: value } });
  // A type without a due date has no overdue metric: the server refuses it.
  const metrics = reportMetrics.filter((metric) => metric !== 'overdue' || recordType.dueField !== undefined);
  const groupKeys = reportGroupKeys(recordType);
  const groupLabelOf = (key: string) =>
    key === 'month' || key === 'week' ? t(`reports.group.${key}`) : labels.field(recordType.name, key);
  const filterFields = ['state', 'ownerId', ...recordType.filterFields];

  const field = (name: string, label: string, control: React.ReactNode) => (
    <div className={slots.ui('field')} key={name}>
      <label className={slots.ui('label')} htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {control}
    </div>
  );
  const select = (
    name: string,
    value: string,
    options: { value: string; label: string }[],
    onSelect: (value: string) => void,
  ) => (
    <select
      id={`${id}-${name}`}
      className={slots.ui('select')}
      value={value}
      onChange={(event) => onSelect(event.target.value)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );

  return (
    <div className={slots('definition')}>
      {field(
        'recordType',
        t('reports.recordType'),
        select(
          'recordType',
          recordType.name,
          recordTypes.map((type) => ({ value: type.name, label: labels.recordType(type.name, true) })),
          (name) => {
            const next = recordTypes.find((type) => type.name === name);
            // Filters and grouping are the type's own: a new type starts afresh, keeping the chart.
            if (next) onChange({ ...defaultReportDefinition(next), chart: definition.chart });
          },
        ),
      )}
      <fieldset className={slots('fieldset')}>
        <legend>{t('reports.filters')}</legend>
        {field(
          'q',
          t('reports.text'),
          <input
            id={`${id}-q`}
            className={slots.ui('input')}
            type="search"
            value={definition.filters.q ?? ''}
            onChange={(event) => setFilter('q', event.target.value)}
          />,
        )}
        {filterFields.map((name) => {
          const schema = recordType.fields[name];
          const options = name === 'state' ? recordType.states : schema && describeField(schema).options;
          const value = definition.filters[name] ?? '';
          return field(
            name,
            labels.field(recordType.name, name),
            options ? (
              select(
                name,
                value,
                [
                  { value: '', label: t('reports.any') },
                  ...options.map((option) => ({
                    value: option,
                    label: name === 'state' ? labels.state(option) : labels.value(option),
                  })),
                ],
                (selected) => setFilter(name, selected),
              )
            ) : (
              <input
                id={`${id}-${name}`}
                className={slots.ui('input')}
                value={value}
                onChange={(event) => setFilter(name, event.target.value)}
              />
            ),
          );
        })}
        {field(
          'createdFrom',
          t('reports.createdFrom'),
          <input
            id={`${id}-createdFrom`}
            className={slots.ui('input')}
            type="date"
            value={dayOf(definition.filters.createdFrom)}
            onChange={(event) =>
              setFilter('createdFrom', event.target.value ? startOfDay(event.target.value) : '')
            }
          />,
        )}
        {field(
          'createdTo',
          t('reports.createdTo'),
          <input
            id={`${id}-createdTo`}
            className={slots.ui('input')}
            type="date"
            value={lastDayBefore(definition.filters.createdTo)}
            onChange={(event) =>
              setFilter('createdTo', event.target.value ? endOfDay(event.target.value) : '')
            }
          />,
        )}
      </fieldset>
      {field(
        'groupBy',
        t('reports.groupBy'),
        select(
          'groupBy',
          definition.groupBy ?? '',
          [
            { value: '', label: t('reports.groupNone') },
            ...groupKeys.map((key) => ({ value: key, label: groupLabelOf(key) })),
          ],
          (groupBy) => set({ groupBy: groupBy || null }),
        ),
      )}
      {field(
        'metric',
        t('reports.metric'),
        select(
          'metric',
          definition.metric,
          metrics.map((metric) => ({ value: metric, label: t(`reports.metric.${metric}`) })),
          (metric) => {
            const changes: Partial<ReportDefinition> = { metric: metric as ReportMetric };
            // Opened versus closed counts per time bucket: it needs one, by month unless one is chosen.
            if (metric === 'openedClosed' && definition.groupBy !== 'month' && definition.groupBy !== 'week')
              changes.groupBy = 'month';
            set(changes);
          },
        ),
      )}
      {definition.metric === 'cycleTime' && (
        <>
          {field(
            'cycleFrom',
            t('reports.cycleFrom'),
            select(
              'cycleFrom',
              definition.cycleFrom ?? CYCLE_FROM_CREATION,
              [
                { value: CYCLE_FROM_CREATION, label: t('reports.cycleCreated') },
                ...recordType.states.map((state) => ({ value: state, label: labels.state(state) })),
              ],
              (cycleFrom) => set({ cycleFrom: cycleFrom === CYCLE_FROM_CREATION ? null : cycleFrom }),
            ),
          )}
          {field(
            'cycleTo',
            t('reports.cycleTo'),
            select(
              'cycleTo',
              definition.cycleTo ?? '',
              [
                { value: '', label: t('reports.cycleFinished') },
                ...recordType.states.map((state) => ({ value: state, label: labels.state(state) })),
              ],
              (cycleTo) => set({ cycleTo: cycleTo || null }),
            ),
          )}
        </>
      )}
      {field(
        'chart',
        t('reports.chart'),
        select(
          'chart',
          definition.chart,
          reportCharts.map((chart) => ({ value: chart, label: t(`reports.chart.${chart}`) })),
          (chart) => set({ chart: chart as ReportChartKind }),
        ),
      )}
    </div>
  );
}
