import { can, type RecordType } from '@masetra/core';
import { useId, useRef } from 'react';
import { useAttachments, useUploadAttachment } from '../hooks/useAttachments';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';

export type AttachmentListSlot = 'root' | 'title' | 'list' | 'attachment' | 'meta' | 'upload';

export interface AttachmentListProps {
  recordType: RecordTypeRef<RecordType>;
  id: string;
  className?: string;
  classNames?: ClassNames<AttachmentListSlot>;
}

/** A record's attached files: download each, and attach another when the user may. */
export function AttachmentList({ recordType, id, className, classNames }: AttachmentListProps) {
  const { t, format, principal, client, userName } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('attachments', className, classNames);
  const headingId = useId();
  const attachments = useAttachments(type, id);
  const upload = useUploadAttachment(type, id);
  const fileInput = useRef<HTMLInputElement>(null);
  const mayAttach = principal !== undefined && can(principal, type, 'attach');

  const download = async (attachmentId: string, fileName: string) => {
    const blob = await client.records(type).attachments.download(id, attachmentId);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <section className={slots('root')} aria-labelledby={headingId}>
      <h3 id={headingId} className={slots.ui('heading', slots('title'))}>
        {t('detail.attachments')}
      </h3>
      {attachments.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : attachments.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, attachments.error)}
        </p>
      ) : (attachments.data ?? []).length === 0 ? (
        <p className={slots.ui('hint')}>{t('detail.noAttachments')}</p>
      ) : (
        <ul className={slots('list')}>
          {(attachments.data ?? []).map((attachment) => (
            <li key={attachment.id} className={slots('attachment')}>
              <button
                type="button"
                className={slots.ui('button')}
                data-variant="link"
                aria-label={`${t('common.download')}: ${attachment.fileName}`}
                onClick={() => void download(attachment.id, attachment.fileName)}
              >
                {attachment.fileName}
              </button>
              <span className={slots('meta')}>
                {` · ${format.fileSize(attachment.sizeBytes)} · `}
                {t('detail.uploadedBy', {
                  name: userName(attachment.uploadedBy),
                  time: format.dateTime(attachment.uploadedAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayAttach && (
        <div className={slots.ui('field', slots('upload'))}>
          <label className={slots.ui('label')} htmlFor={`${headingId}-file`}>
            {t('detail.attachFile')}
          </label>
          <input
            ref={fileInput}
            id={`${headingId}-file`}
            type="file"
            className={slots.ui('input')}
            disabled={upload.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              upload.mutate(file, {
                onSettled: () => {
                  if (fileInput.current) fileInput.current.value = '';
                },
              });
            }}
          />
          {upload.isPending && <p role="status">{t('detail.uploading')}</p>}
          {upload.isError && (
            <p className={slots.ui('error')} role="alert">
              {describeError(t, upload.error)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
