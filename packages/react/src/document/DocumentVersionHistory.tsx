import {
  type ControlledDocument,
  can,
  type RecordBase,
  type RecordType,
  versionLabelOf,
} from '@masetra/core';
import { type FormEvent, useId, useState } from 'react';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { FieldValue } from '../internal/FieldValue';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';
import { useDocumentVersions, useStartRevision } from './useDocumentControl';

export type DocumentVersionHistorySlot = 'root' | 'list' | 'version' | 'label' | 'revision';

export interface DocumentVersionHistoryProps {
  /** The document version shown on the page. */
  document: RecordBase;
  /** The document record type; the built-in `document` by default. */
  recordType?: RecordTypeRef<RecordType>;
  /** Opens another version (the host's route for a record); without it, versions show as text. */
  onOpenRecord?: (recordType: string, id: string) => void;
  className?: string;
  classNames?: ClassNames<DocumentVersionHistorySlot>;
}

/**
 * The versions of one document number, oldest first (`SOP-0001` v0.1 … v2.0), each with its
 * state and effective date and a link to it; and, on the effective version, "Start revision":
 * a new draft of the same number, with the next minor version, opened at once.
 *
 * @example
 * <DocumentVersionHistory document={sop} onOpenRecord={(type, id) => navigate(`/documents/${id}`)} />
 */
export function DocumentVersionHistory({
  document,
  recordType = 'document',
  onOpenRecord,
  className,
  classNames,
}: DocumentVersionHistoryProps) {
  const { t, principal } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('document-history', className, classNames);
  const id = useId();
  const versions = useDocumentVersions(type, document.id);
  const revise = useStartRevision(type, document.id);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');

  const doc = document as ControlledDocument;
  const items = versions.data ?? [];
  // A version in work after this one: the server starts one revision at a time.
  const inWork = items.find(
    (version) =>
      version.id !== doc.id && version.createdAt > doc.createdAt && !type.finalStates.includes(version.state),
  );
  const mayRevise =
    doc.state === 'effective' && principal !== undefined && can(principal, type, 'create') && !inWork;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    revise.mutate(
      { reason: reason.trim() || undefined },
      {
        onSuccess: (draft) => {
          setAsking(false);
          setReason('');
          onOpenRecord?.(type.name, draft.id);
        },
      },
    );
  };

  return (
    <div className={slots('root')}>
      {versions.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : versions.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, versions.error)}
        </p>
      ) : (
        <ol className={slots('list')} aria-label={t('document.versionsOf', { number: doc.number })}>
          {items.map((version) => {
            const label = t('document.versionOf', { number: version.number, label: versionLabelOf(version) });
            const current = version.id === doc.id;
            return (
              <li key={version.id} className={slots('version')} aria-current={current ? 'page' : undefined}>
                <span className={slots('label')}>
                  {current || !onOpenRecord ? (
                    <strong>{label}</strong>
                  ) : (
                    <button
                      type="button"
                      className={slots.ui('button')}
                      data-variant="link"
                      onClick={() => onOpenRecord(type.name, version.id)}
                    >
                      {label}
                    </button>
                  )}
                  {current && <span className={slots.ui('hint')}> ({t('document.thisVersion')})</span>}
                </span>{' '}
                <StateBadge recordType={type} state={version.state} />{' '}
                <span className={slots.ui('hint')}>
                  {version.effectiveDate ? (
                    <>
                      {`${t('document.effectiveFrom')} `}
                      <FieldValue recordType={type} field="effectiveDate" value={version.effectiveDate} />
                    </>
                  ) : (
                    t('document.noEffectiveDate')
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {inWork && doc.state === 'effective' && (
        <p className={slots.ui('hint')}>{t('document.revisionInWork', { label: versionLabelOf(inWork) })}</p>
      )}
      {mayRevise &&
        (asking ? (
          <form className={slots('revision')} aria-labelledby={`${id}-revise`} onSubmit={submit}>
            <span id={`${id}-revise`} className={slots.ui('label')}>
              {t('document.startRevision')}
            </span>
            <label className={slots.ui('label')} htmlFor={`${id}-reason`}>
              {t('document.revisionReason')}
            </label>
            <textarea
              id={`${id}-reason`}
              className={slots.ui('textarea')}
              rows={2}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <div>
              <button
                type="submit"
                className={slots.ui('button')}
                data-variant="primary"
                disabled={revise.isPending}
              >
                {revise.isPending ? t('common.saving') : t('document.startRevision')}
              </button>{' '}
              <button type="button" className={slots.ui('button')} onClick={() => setAsking(false)}>
                {t('common.cancel')}
              </button>
            </div>
            {revise.isError && (
              <p className={slots.ui('alert')} role="alert">
                {describeError(t, revise.error)}
              </p>
            )}
          </form>
        ) : (
          <button type="button" className={slots.ui('button')} onClick={() => setAsking(true)}>
            {t('document.startRevision')}
          </button>
        ))}
    </div>
  );
}
