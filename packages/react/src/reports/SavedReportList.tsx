import type { SavedReport } from '@masetra/core';
import { useId, useState } from 'react';
import type { SlotClasses } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import type { ReportBuilderSlot } from './ReportBuilder';
import { useDeleteSavedReport, useSavedReports } from './useSavedReports';

/** The saved reports the user may see, each to open or delete. */
export function SavedReportList({
  openId,
  onOpen,
  onDeleted,
  slots,
}: {
  openId: string | undefined;
  onOpen(report: SavedReport): void;
  onDeleted(report: SavedReport): void;
  slots: SlotClasses<ReportBuilderSlot>;
}) {
  const { t, labels } = useQms();
  const id = useId();
  const saved = useSavedReports();
  const remove = useDeleteSavedReport();
  const [deleted, setDeleted] = useState<string | undefined>();
  return (
    <section className={slots('saved')} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={slots.ui('heading')}>
        {t('reports.savedReports')}
      </h3>
      {saved.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : saved.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, saved.error)}
        </p>
      ) : saved.data.length === 0 ? (
        <p className={slots.ui('hint')}>{t('reports.noSaved')}</p>
      ) : (
        <ul className={slots('savedList')}>
          {saved.data.map((report) => (
            <li key={report.id} aria-current={report.id === openId ? 'true' : undefined}>
              <button
                type="button"
                className={slots.ui('button')}
                data-variant="link"
                aria-label={t('reports.openSaved', { name: report.name })}
                onClick={() => onOpen(report)}
              >
                {report.name}
              </button>{' '}
              <span className={slots.ui('hint')}>{labels.recordType(report.recordType, true)}</span>{' '}
              <button
                type="button"
                className={slots.ui('button')}
                data-variant="quiet"
                aria-label={t('reports.deleteSaved', { name: report.name })}
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(report, {
                    onSuccess: () => {
                      setDeleted(report.name);
                      onDeleted(report);
                    },
                  })
                }
              >
                {t('reports.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={slots.ui('status')}>
        {deleted ? t('reports.deleted', { name: deleted }) : ''}
      </p>
      {remove.isError && (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, remove.error)}
        </p>
      )}
    </section>
  );
}
