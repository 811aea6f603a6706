import type { DownloadedFile } from '@masetra/client';
import type { RecordBase, RecordType } from '@masetra/core';
import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { saveBlob } from '../document/saveBlob';
import { cx } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';

/** Downloads a record's PDF dossier (fields, signatures, audit trail, attachments, links) with the session's token. */
export function useRecordPdf(
  recordType: RecordType,
  record: Pick<RecordBase, 'id' | 'number'>,
): UseMutationResult<DownloadedFile, Error, void> {
  const { client } = useQms();
  return useMutation({
    mutationFn: () => client.exports.recordPdf(recordType, record.id),
    onSuccess: (file) => saveBlob(file.blob, file.fileName ?? `${record.number}.pdf`),
  });
}

/** "Download PDF" of a record's page. */
export function RecordPdfButton({
  recordType,
  record,
}: {
  recordType: RecordType;
  record: Pick<RecordBase, 'id' | 'number'>;
}) {
  const { t, unstyled } = useQms();
  const download = useRecordPdf(recordType, record);
  return (
    <>
      <button
        type="button"
        className={cx(!unstyled && 'masetra-button')}
        disabled={download.isPending}
        aria-busy={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? t('export.downloading') : t('export.pdf')}
      </button>
      {download.isError && (
        <span role="alert" className={cx(!unstyled && 'masetra-alert')}>
          {t('export.failed', { reason: describeError(t, download.error) })}
        </span>
      )}
    </>
  );
}
