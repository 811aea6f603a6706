import { defaultExportColumns, defaultRoleNames, type RecordType, type SavedReport } from '@masetra/core';
import { useId, useState } from 'react';
import type { RecordTypeRef } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import type { QmsCharts } from './qmsCharts';
import { ReportDefinitionForm } from './ReportDefinitionForm';
import { ReportExports } from './ReportExports';
import { ReportResultView } from './ReportResultView';
import { defaultReportDefinition, definitionOfSaved, type ReportDefinition } from './reportDefinition';
import { SavedReportList } from './SavedReportList';
import { SaveReportForm } from './SaveReportForm';
import { useReport } from './useReport';

export type ReportBuilderSlot =
  | 'root'
  | 'title'
  | 'layout'
  | 'main'
  | 'side'
  | 'definition'
  | 'fieldset'
  | 'result'
  | 'table'
  | 'total'
  | 'saved'
  | 'savedList'
  | 'save'
  | 'saveActions'
  | 'role'
  | 'exports';

export interface ReportBuilderProps {
  /** The screen's heading; "Reports" in the user's language by default. */
  title?: string;
  /** The record types a report may be about; every type of the registry by default. */
  recordTypes?: readonly RecordTypeRef<RecordType>[];
  /** The report shown first; the first type's records counted per state by default. */
  initialReport?: Partial<ReportDefinition>;
  /**
   * The chart components, e.g. those of `@masetra/react/charts`. Without them the report is
   * shown as its table, and no chart library is loaded.
   */
  charts?: QmsCharts;
  /** The roles a report may be shared with; the default roles by default. */
  shareableRoles?: readonly string[];
  /** The day the management review's default period (the year before) ends (ISO 8601); today by default. */
  now?: string;
  className?: string;
  classNames?: ClassNames<ReportBuilderSlot>;
}

/**
 * The reports screen: pick a record type, filters, a grouping and a metric; see the report,
 * computed by the server, as a chart and a table; save it (shared with roles), open or delete
 * saved reports; export the matching records (CSV, Excel) and the management review (PDF).
 *
 * @example
 * import { BarChart, LineChart, PieChart } from '@masetra/react/charts';
 * <ReportBuilder charts={{ BarChart, LineChart, PieChart }} />
 */
export function ReportBuilder({
  title: heading,
  recordTypes,
  initialReport,
  charts,
  shareableRoles = defaultRoleNames,
  now,
  className,
  classNames,
}: ReportBuilderProps) {
  const { t, labels, registry } = useQms();
  const slots = useSlots('report-builder', className, classNames);
  const id = useId();
  const [today] = useState(() => new Date().toISOString());
  const types = (recordTypes ?? registry.list)
    .map((ref) => (typeof ref === 'string' ? registry.byName(ref) : ref))
    .filter((type): type is RecordType => type !== undefined);
  const firstType = types.find((type) => type.name === initialReport?.recordType) ?? types[0];
  if (!firstType) throw new TypeError('ReportBuilder: no record type to report on');

  const [definition, setDefinition] = useState<ReportDefinition>(() => ({
    ...defaultReportDefinition(firstType),
    ...initialReport,
    recordType: firstType.name,
  }));
  const [openReport, setOpenReport] = useState<SavedReport | undefined>();
  // Bumped when a report is opened or a new one started: the save form starts afresh then, not on saving.
  const [formKey, setFormKey] = useState(0);
  const recordType = types.find((type) => type.name === definition.recordType) ?? firstType;
  const report = useReport(recordType, definition);
  const columns =
    openReport && openReport.recordType === recordType.name && openReport.columns.length > 0
      ? openReport.columns
      : defaultExportColumns(recordType);
  const title = `${labels.recordType(recordType.name, true)}: ${t(`reports.metric.${definition.metric}`)}`;

  const open = (saved: SavedReport) => {
    setOpenReport(saved);
    setDefinition(definitionOfSaved(saved));
    setFormKey((key) => key + 1);
  };

  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {heading ?? t('reports.title')}
      </h2>
      <div className={slots('layout')}>
        <div className={slots('side')}>
          <button
            type="button"
            className={slots.ui('button')}
            onClick={() => {
              setOpenReport(undefined);
              setDefinition(defaultReportDefinition(recordType));
              setFormKey((key) => key + 1);
            }}
          >
            {t('reports.newReport')}
          </button>
          <SavedReportList
            openId={openReport?.id}
            onOpen={open}
            onDeleted={(deleted) => {
              if (deleted.id === openReport?.id) setOpenReport(undefined);
            }}
            slots={slots}
          />
        </div>
        <div className={slots('main')}>
          <form aria-label={t('reports.definition')} onSubmit={(event) => event.preventDefault()}>
            <ReportDefinitionForm
              recordTypes={types}
              recordType={recordType}
              definition={definition}
              onChange={setDefinition}
              slots={slots}
            />
          </form>
          <section aria-labelledby={`${id}-result`} aria-busy={report.isFetching}>
            <h3 id={`${id}-result`} className={slots.ui('heading')}>
              {t('reports.result')}
            </h3>
            {report.isPending ? (
              <p role="status">{t('common.loading')}</p>
            ) : report.isError ? (
              <div className={slots.ui('alert')} role="alert">
                <p>{t('reports.error')}</p>
                <p>{describeError(t, report.error)}</p>
              </div>
            ) : (
              <ReportResultView
                recordType={recordType}
                result={report.data}
                chart={definition.chart}
                charts={charts}
                title={title}
                slots={slots}
              />
            )}
          </section>
          <SaveReportForm
            // A fresh form for each report opened: its name and roles.
            key={formKey}
            definition={definition}
            columns={columns}
            openReport={openReport}
            shareableRoles={shareableRoles}
            onSaved={setOpenReport}
            slots={slots}
          />
          <ReportExports
            recordType={recordType}
            definition={definition}
            columns={columns}
            now={now ?? today}
            slots={slots}
          />
        </div>
      </div>
    </section>
  );
}
