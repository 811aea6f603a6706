import {
  isReviewDueSoon,
  PERIODIC_REVIEW_WINDOW_DAYS,
  type RecordBase,
  type RecordType,
  versionLabelOf,
} from '@masetra/core';
import { useId } from 'react';
import { useAuditTrail } from '../hooks/useAuditTrail';
import { useRecord } from '../hooks/useRecord';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { useSignatures } from '../hooks/useSignatures';
import { type ClassNames, useSlots } from '../internal/classNames';
import { FieldValue } from '../internal/FieldValue';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';

export type DocumentVersionsSlot = 'root' | 'title' | 'current' | 'approvals' | 'history' | 'warning';

interface ControlledDocumentRecord extends RecordBase {
  versionLabel?: string;
  effectiveDate?: string;
  reviewIntervalMonths?: number;
  nextReviewDue?: string;
  lastPeriodicReviewOn?: string;
  supersedesId?: string;
}

export interface DocumentVersionsProps {
  /** The controlled document, as loaded. */
  document: RecordBase;
  /** The document record type; the built-in `document` by default. */
  recordType?: RecordTypeRef<RecordType>;
  /** Days before the periodic review it shows as due: the days it may be recorded in (30) by default. */
  reviewWarningDays?: number;
  /** The instant "due soon" is judged at (ISO 8601); now by default. */
  now?: string;
  /**
   * Whether it is its own region with a heading (the default); `false` inside a page section
   * that is titled already, as on `RecordDetail`.
   */
  titled?: boolean;
  className?: string;
  classNames?: ClassNames<DocumentVersionsSlot>;
}

/**
 * A controlled document's version: its label (0.1, 0.2 in work; 1.0, 2.0 once approved),
 * effective date and periodic review, the version it revises, its reviews and approvals
 * (from its electronic signatures), and its version history from the audit trail.
 *
 * @example
 * <DocumentVersions document={sop} />
 */
export function DocumentVersions({
  document,
  recordType = 'document',
  reviewWarningDays = PERIODIC_REVIEW_WINDOW_DAYS,
  now,
  titled = true,
  className,
  classNames,
}: DocumentVersionsProps) {
  const { t, labels, format } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('document-versions', className, classNames);
  const id = useId();
  const doc = document as ControlledDocumentRecord;
  const signatures = useSignatures(type, doc.id);
  const trail = useAuditTrail(type, doc.id);
  const revised = useRecord(type, doc.supersedesId);

  const history = (trail.data ?? []).flatMap((entry) =>
    entry.changes
      .filter((change) => change.field === 'versionLabel')
      .map((change) => ({ entry, from: change.old as string | null, to: change.new as string | null })),
  );
  const at = now ?? new Date().toISOString();
  const reviewDue = isReviewDueSoon(doc, at, reviewWarningDays);
  const overdue = doc.nextReviewDue !== undefined && at.slice(0, 10) > doc.nextReviewDue;
  const approvals = (signatures.data ?? []).filter(
    (signature) => signature.meaning === 'review' || signature.meaning === 'approval',
  );

  const Root = titled ? 'section' : 'div';

  return (
    <Root className={slots('root')} aria-labelledby={titled ? `${id}-title` : undefined}>
      {titled && (
        <h3 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
          {t('document.versions')}
        </h3>
      )}
      <dl className={slots('current')}>
        <div>
          <dt>{labels.field(type.name, 'versionLabel')}</dt>
          <dd>
            <strong>{versionLabelOf(doc)}</strong> <StateBadge recordType={type} state={doc.state} />
          </dd>
        </div>
        <div>
          <dt>{labels.field(type.name, 'effectiveDate')}</dt>
          <dd>
            <FieldValue recordType={type} field="effectiveDate" value={doc.effectiveDate} />
          </dd>
        </div>
        <div>
          <dt>{labels.field(type.name, 'nextReviewDue')}</dt>
          <dd>
            <FieldValue recordType={type} field="nextReviewDue" value={doc.nextReviewDue} />
          </dd>
        </div>
        {doc.lastPeriodicReviewOn && (
          <div>
            <dt>{labels.field(type.name, 'lastPeriodicReviewOn')}</dt>
            <dd>
              <FieldValue recordType={type} field="lastPeriodicReviewOn" value={doc.lastPeriodicReviewOn} />
            </dd>
          </div>
        )}
        {doc.supersedesId && (
          <div>
            <dt>{labels.field(type.name, 'supersedesId')}</dt>
            <dd>
              {revised.data
                ? `${t('document.supersedes', { number: revised.data.number })} (${t('document.version', {
                    label: versionLabelOf(revised.data as ControlledDocumentRecord),
                  })})`
                : t('common.loading')}
            </dd>
          </div>
        )}
      </dl>
      {reviewDue && doc.nextReviewDue && (
        // A step, not only a warning: the owner records "no change needed" (signed) in the action bar, or revises.
        <p className={slots.ui('alert', slots('warning'))} role="status">
          {t(overdue ? 'document.reviewOverdue' : 'document.reviewDue', {
            date: format.date(doc.nextReviewDue),
          })}{' '}
          {t('document.reviewHowTo')}
        </p>
      )}
      <h4 className={slots.ui('heading')}>{t('document.approvals')}</h4>
      {approvals.length === 0 ? (
        <p className={slots.ui('hint')}>
          {signatures.isPending ? t('common.loading') : t('document.noApprovals')}
        </p>
      ) : (
        <ul className={slots('approvals')}>
          {approvals.map((signature) => (
            <li key={signature.id} data-meaning={signature.meaning}>
              {t('signature.manifestation', {
                meaning: t(`meaning.${signature.meaning}.verb`),
                name: signature.signerName,
                time: format.dateTime(signature.signedAt),
              })}
              <span className={slots.ui('hint')}>
                {` · ${t('detail.signatureOf', { event: labels.event(signature.event), version: signature.recordVersion })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h4 className={slots.ui('heading')}>{t('document.history')}</h4>
      {history.length === 0 ? (
        <p className={slots.ui('hint')}>{trail.isPending ? t('common.loading') : t('document.noHistory')}</p>
      ) : (
        <ol className={slots('history')}>
          {history.map(({ entry, from, to }) => (
            <li key={entry.id}>
              {from ?? t('common.emptyValue')} → <strong>{to ?? t('common.emptyValue')}</strong>
              {' · '}
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              {` · ${entry.actorName}`}
              {entry.reason && ` · ${entry.reason}`}
            </li>
          ))}
        </ol>
      )}
    </Root>
  );
}
