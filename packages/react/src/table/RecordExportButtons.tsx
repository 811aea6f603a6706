import type { RecordExportFormat } from '@masetra/client';
import type { RecordType } from '@masetra/core';
import { useId } from 'react';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { cx } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { type RecordExportRequest, useRecordExport } from './useRecordExport';

export interface RecordExportButtonsProps {
  /** The record type, or its name in the provider's registry. */
  recordType: RecordTypeRef<RecordType>;
  /** The list's query: filters, `q`, `sort`, time range. */
  query: RecordExportRequest['query'];
  /** The columns shown, in order. */
  columns: readonly string[];
  /** How many records match, when known (a fully loaded list). */
  rowCount?: number;
  /** How often a job's progress is asked for, in ms. Default 1000. */
  pollInterval?: number;
  /** Class names: the group's, and the primitives' (`masetra-button`) unless unstyled. */
  className?: string;
}

const formats: readonly RecordExportFormat[] = ['csv', 'xlsx'];

/**
 * "Export CSV" and "Export Excel" of a record list with its filters and columns. A list larger
 * than a page runs as an export job: a labelled progress bar shows its rows until the file downloads.
 */
export function RecordExportButtons({
  recordType,
  query,
  columns,
  rowCount,
  pollInterval,
  className,
}: RecordExportButtonsProps) {
  const { t, format, unstyled } = useQms();
  const id = useId();
  const type = useRecordType(recordType);
  const { state, start } = useRecordExport(type, { pollInterval });
  const busy = state.phase === 'downloading' || state.phase === 'running';
  const job = state.phase === 'running' ? state.job : undefined;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a legend box inside the toolbar
    <div
      role="group"
      aria-label={t('export.label')}
      className={cx(!unstyled && 'masetra-export', className)}
      aria-busy={busy}
    >
      {formats.map((kind) => (
        <button
          key={kind}
          type="button"
          className={cx(!unstyled && 'masetra-button')}
          disabled={busy}
          onClick={() => void start({ format: kind, query, columns, rowCount })}
        >
          {state.phase === 'downloading' && state.format === kind
            ? t('export.downloading')
            : t(kind === 'csv' ? 'export.csv' : 'export.xlsx')}
        </button>
      ))}
      {job && (
        <div className={cx(!unstyled && 'masetra-export__progress')}>
          <label htmlFor={`${id}-progress`}>{t('export.progress', { fileName: job.fileName })}</label>
          <progress
            id={`${id}-progress`}
            max={job.rowsTotal ?? undefined}
            value={job.rowsTotal === null ? undefined : job.rowsDone}
            aria-describedby={`${id}-rows`}
          />
          <span id={`${id}-rows`}>
            {job.rowsTotal === null
              ? t('export.counting')
              : t('export.progressValue', {
                  done: format.number(job.rowsDone),
                  total: format.number(job.rowsTotal),
                })}
          </span>
        </div>
      )}
      {state.phase === 'done' && (
        // Only once done: a table's toolbar holds this beside the table's own status.
        <span role="status" className={cx(!unstyled && 'masetra-export__status')}>
          {t('export.done', { fileName: state.fileName })}
        </span>
      )}
      {state.phase === 'failed' && (
        <span role="alert" className={cx(!unstyled && 'masetra-alert')}>
          {t('export.failed', { reason: describeError(t, state.error) })}
        </span>
      )}
    </div>
  );
}
