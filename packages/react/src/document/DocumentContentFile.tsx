import { type ControlledDocument, can, type RecordBase, type RecordType, stateHasTag } from '@masetra/core';
import { useId } from 'react';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { useQms } from '../provider/useQms';
import { FileDropZone } from './FileDropZone';
import { type DocumentDownload, useDocumentDownload, useUploadDocumentContent } from './useDocumentControl';

export type DocumentContentFileSlot =
  | 'root'
  | 'file'
  | 'hash'
  | 'drop'
  | 'dropLabel'
  | 'dropInput'
  | 'dropHint'
  | 'progress'
  | 'downloads';

export interface DocumentContentFileProps {
  /** The document version, as loaded. */
  document: RecordBase;
  /** The document record type; the built-in `document` by default. */
  recordType?: RecordTypeRef<RecordType>;
  className?: string;
  classNames?: ClassNames<DocumentContentFileSlot>;
}

/** What the picker offers first; the server judges the bytes. */
const ACCEPT = '.pdf,.docx,.xlsx,application/pdf';

/** The first twelve hex digits: enough to compare by eye, the whole hash in the title and for screen readers. */
const shortHash = (sha256: string) => sha256.slice(0, 12);

/**
 * A document version's controlled content: its file (name, size, SHA-256), uploaded or replaced
 * while the version is in draft (pick a file or drop one), and its downloads. A PDF downloads as a
 * controlled copy, stamped on every page with the signature page appended, to view or to print;
 * another format downloads unchanged, with its signature page as a separate PDF.
 *
 * @example
 * <DocumentContentFile document={sop} />
 */
export function DocumentContentFile({
  document,
  recordType = 'document',
  className,
  classNames,
}: DocumentContentFileProps) {
  const { t, format, principal, userName } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('document-content', className, classNames);
  const id = useId();
  const doc = document as ControlledDocument;
  const file = doc.contentFile;
  const upload = useUploadDocumentContent(type, doc.id);
  const download = useDocumentDownload(doc);
  // The file is what reviewers and approvers sign: it changes only while the version is editable (draft).
  const inDraft = stateHasTag(type, doc.state, 'editable');
  const mayUpload = principal !== undefined && can(principal, type, 'update');
  const isPdf = file?.mediaType === 'application/pdf';

  const downloadButton = (kind: DocumentDownload, label: string, primary = false) => (
    <button
      type="button"
      className={slots.ui('button')}
      data-variant={primary ? 'primary' : undefined}
      disabled={download.isPending}
      aria-describedby={`${id}-file`}
      onClick={() => download.mutate(kind)}
    >
      {label}
    </button>
  );

  return (
    <div className={slots('root')}>
      {file ? (
        <dl id={`${id}-file`} className={slots('file')}>
          <div>
            <dt>{t('document.fileName')}</dt>
            <dd>{file.fileName}</dd>
          </div>
          <div>
            <dt>{t('document.fileSize')}</dt>
            <dd>{format.fileSize(file.sizeBytes)}</dd>
          </div>
          <div>
            <dt>{t('document.sha256')}</dt>
            <dd>
              <code className={slots('hash')} title={file.sha256} aria-hidden="true">
                {shortHash(file.sha256)}…
              </code>
              <VisuallyHidden>{file.sha256}</VisuallyHidden>
            </dd>
          </div>
          <div>
            <dt>{t('document.uploaded')}</dt>
            <dd>
              {t('detail.uploadedBy', {
                name: userName(file.uploadedBy),
                time: format.dateTime(file.uploadedAt),
              })}
            </dd>
          </div>
        </dl>
      ) : (
        <p className={slots.ui('hint')}>{t('document.noContentFile')}</p>
      )}

      {file && (
        <div className={slots('downloads')}>
          {isPdf ? (
            <>
              {downloadButton('view', t('document.downloadControlledCopy'), true)}
              {downloadButton('print', t('document.printCopy'))}
            </>
          ) : (
            <>
              {downloadButton('file', t('document.downloadFile'), true)}
              {downloadButton('signatures', t('document.signaturePage'))}
            </>
          )}
        </div>
      )}
      {download.isPending && (
        <p className={slots.ui('hint')} role="status">
          {t('document.preparingDownload')}
        </p>
      )}
      {download.isError && (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, download.error)}
        </p>
      )}

      {mayUpload && (
        <FileDropZone
          label={file ? t('document.replaceFile') : t('document.uploadFile')}
          dropHint={t('document.dropHint')}
          accept={ACCEPT}
          disabled={!inDraft || upload.isPending}
          explanation={inDraft ? t('document.fileFormats') : t('document.fileLocked')}
          onFile={(chosen) => upload.mutate(chosen)}
          classNames={{
            root: slots('drop'),
            label: slots.ui('label', slots('dropLabel')),
            input: slots.ui('input', slots('dropInput')),
            hint: slots.ui('hint', slots('dropHint')),
          }}
        />
      )}
      {upload.isPending && upload.variables && (
        <div className={slots('progress')} role="status">
          <progress aria-label={t('document.uploading', { name: upload.variables.name })} />
          <span>
            {t('document.uploading', { name: upload.variables.name })} (
            {format.fileSize(upload.variables.size)})
          </span>
        </div>
      )}
      {upload.isError && (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, upload.error)}
        </p>
      )}
    </div>
  );
}
