import type { ImportedRecord, RecordType } from '@masetra/core';
import { type ReactNode, useId } from 'react';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { cx } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { useRecordImport } from './useRecordImport';

export interface RecordImportProps {
  /** The record type the file's rows become, or its name in the provider's registry. */
  recordType: RecordTypeRef<RecordType>;
  /** A created record as the host links it (its router's link); its number as text when left out. */
  renderRecord?: (record: ImportedRecord) => ReactNode;
  /** How often a running job's progress is asked for, in ms. Default 1000. */
  pollInterval?: number;
  className?: string;
}

const accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Imports records from a CSV or Excel file whose header row names the fields (as an export writes
 * them): choosing a file runs a dry run and shows each problem by row and column; a file without
 * problems imports as a job, with a progress bar, and then lists the records it created.
 */
export function RecordImport({ recordType, renderRecord, pollInterval, className }: RecordImportProps) {
  const { t, format, labels, unstyled } = useQms();
  const id = useId();
  const type = useRecordType(recordType);
  const { state, check, run } = useRecordImport(type, { pollInterval });
  const report = state.phase === 'checked' ? state.report : undefined;
  const job = state.phase === 'running' || state.phase === 'done' ? state.job : undefined;
  const busy = state.phase === 'checking' || state.phase === 'running';
  const ui = (name: string) => cx(!unstyled && `masetra-${name}`);
  return (
    <section
      className={cx(!unstyled && 'masetra-import', className)}
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
    >
      <h2 id={`${id}-title`} className={ui('heading')}>
        {t('import.title', { type: labels.recordType(type.name, true) })}
      </h2>
      <p className={ui('import__hint')}>{t('import.hint')}</p>
      <div className={ui('field')}>
        <label className={ui('label')} htmlFor={`${id}-file`}>
          {t('import.file')}
        </label>
        <input
          id={`${id}-file`}
          className={ui('input')}
          type="file"
          accept={accept}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void check(file);
          }}
        />
      </div>
      {state.phase === 'checking' && <p role="status">{t('import.checking')}</p>}
      {report && (
        <>
          <p role="status">
            {t('import.summary', { rows: format.number(report.rows), valid: format.number(report.valid) })}
          </p>
          {report.problems.length > 0 && (
            <table className={ui('table')}>
              <caption>{t('import.problems')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((problem, index) => (
                  // Two problems may share a row and column (a header repeated twice).
                  // biome-ignore lint/suspicious/noArrayIndexKey: the report's order is its identity
                  <tr key={index}>
                    <td>{problem.row}</td>
                    <td>{problem.column ?? ''}</td>
                    <td>{problem.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            type="button"
            className={ui('button')}
            disabled={report.problems.length > 0 || report.valid === 0}
            onClick={() => void run()}
          >
            {t('import.run', { count: format.number(report.valid) })}
          </button>
        </>
      )}
      {job && (
        <div className={ui('import__progress')}>
          <label htmlFor={`${id}-progress`}>{t('import.progress', { fileName: job.fileName ?? '' })}</label>
          <progress
            id={`${id}-progress`}
            max={job.rowsTotal}
            value={job.rowsDone}
            aria-describedby={`${id}-rows`}
          />
          <span id={`${id}-rows`}>
            {t('import.progressValue', {
              done: format.number(job.rowsDone),
              total: format.number(job.rowsTotal),
            })}
          </span>
        </div>
      )}
      {state.phase === 'done' && (
        <>
          <p role="status">{t('import.done', { count: format.number(state.job.created.length) })}</p>
          <ul aria-label={t('import.created')} className={ui('import__created')}>
            {state.job.created.map((record) => (
              <li key={record.id}>{renderRecord ? renderRecord(record) : record.number}</li>
            ))}
          </ul>
        </>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className={ui('alert')}>
          {t('import.failed', { reason: describeError(t, state.error) })}
        </p>
      )}
    </section>
  );
}
