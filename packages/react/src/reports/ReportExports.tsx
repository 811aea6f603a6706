import type { DownloadedFile } from '@masetra/client';
import type { RecordType } from '@masetra/core';
import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { saveBlob } from '../document/saveBlob';
import type { SlotClasses } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { RecordExportButtons } from '../table/RecordExportButtons';
import type { ReportBuilderSlot } from './ReportBuilder';
import { endOfDay, filledFilters, type ReportDefinition, startOfDay } from './reportDefinition';

/** Downloads the management review pack (KPIs and charts of a period) as a PDF. */
export function useManagementReviewPdf(): UseMutationResult<
  DownloadedFile,
  Error,
  { from: string; to: string }
> {
  const { client } = useQms();
  return useMutation({
    mutationFn: (period) => client.reports.managementReviewPdf(period),
    onSuccess: (file, period) =>
      saveBlob(file.blob, file.fileName ?? `management-review-${period.from.slice(0, 10)}.pdf`),
  });
}

/** The year up to `now`'s day, as the review's default period. */
function lastYear(now: string): { from: string; to: string } {
  const to = now.slice(0, 10);
  const from = new Date(`${to}T00:00:00Z`);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { from: from.toISOString().slice(0, 10), to };
}

/** The report's exports: the matching records as CSV or Excel, and the management review as a PDF. */
export function ReportExports({
  recordType,
  definition,
  columns,
  now,
  slots,
}: {
  recordType: RecordType;
  definition: ReportDefinition;
  columns: readonly string[];
  now: string;
  slots: SlotClasses<ReportBuilderSlot>;
}) {
  const { t } = useQms();
  const id = useId();
  const [period, setPeriod] = useState(() => lastYear(now));
  const review = useManagementReviewPdf();
  return (
    <section className={slots('exports')} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={slots.ui('heading')}>
        {t('reports.export')}
      </h3>
      <h4 className={slots.ui('heading')}>{t('reports.exportRecords')}</h4>
      <RecordExportButtons
        recordType={recordType}
        query={filledFilters(definition.filters)}
        columns={columns}
      />
      <fieldset className={slots('fieldset')}>
        <legend>{t('reports.managementReview')}</legend>
        {(['from', 'to'] as const).map((bound) => (
          <div key={bound} className={slots.ui('field')}>
            <label className={slots.ui('label')} htmlFor={`${id}-${bound}`}>
              {t(bound === 'from' ? 'reports.reviewFrom' : 'reports.reviewTo')}
            </label>
            <input
              id={`${id}-${bound}`}
              className={slots.ui('input')}
              type="date"
              required
              value={period[bound]}
              onChange={(event) => setPeriod({ ...period, [bound]: event.target.value })}
            />
          </div>
        ))}
        <button
          type="button"
          className={slots.ui('button')}
          disabled={review.isPending || !period.from || !period.to}
          // The period's `to` is exclusive: the last day picked is included whole.
          onClick={() => review.mutate({ from: startOfDay(period.from), to: endOfDay(period.to) })}
        >
          {review.isPending ? t('export.downloading') : t('reports.reviewPdf')}
        </button>
        {review.isError && (
          <p className={slots.ui('alert')} role="alert">
            {t('export.failed', { reason: describeError(t, review.error) })}
          </p>
        )}
      </fieldset>
    </section>
  );
}
