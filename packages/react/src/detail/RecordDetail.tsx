import { isProblemError } from '@masetra/client';
import { can, type RecordBase, type RecordOf, type RecordType } from '@masetra/core';
import { type ReactNode, useId } from 'react';
import { AuditFindings } from '../audit/AuditFindings';
import { AuditTrailTimeline } from '../audit-trail/AuditTrailTimeline';
import { CapaTasks } from '../capa/CapaTasks';
import { DocumentVersions } from '../document/DocumentVersions';
import { describeField } from '../form/describeField';
import { useRecord } from '../hooks/useRecord';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { FieldValue } from '../internal/FieldValue';
import { describeError } from '../internal/problems';
import { DeviationInvestigation } from '../investigation/DeviationInvestigation';
import { LifecycleActionBar } from '../lifecycle/LifecycleActionBar';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';
import { AttachmentList } from './AttachmentList';
import { CommentThread } from './CommentThread';
import { SignatureList } from './SignatureList';

/** The parts of a record's page, in the order shown. */
export type RecordDetailSection =
  | 'fields'
  | 'domain'
  | 'signatures'
  | 'attachments'
  | 'comments'
  | 'auditTrail';

export type RecordDetailSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'number'
  | 'meta'
  | 'actions'
  | 'fields'
  | 'field'
  | 'domain'
  | 'section';

export interface RecordDetailProps<T extends RecordType = RecordType> {
  recordType: RecordTypeRef<T>;
  id: string;
  /** Which parts to show; all by default. */
  sections?: readonly RecordDetailSection[];
  /** Shows an Edit button (when the user may change the record) that calls this. */
  onEdit?: (record: RecordOf<T>) => void;
  /** Called after a lifecycle move. */
  onTransitioned?: (record: RecordOf<T>, event: string) => void;
  /** Called to open a related record (a finding of an audit, the audit of a finding). */
  onOpenRecord?: (recordType: string, id: string) => void;
  /** The instant "overdue" is judged at (ISO 8601); now by default. */
  now?: string;
  /** Extra content after the domain section, e.g. host links. */
  children?: ReactNode;
  className?: string;
  classNames?: ClassNames<RecordDetailSlot>;
}

const allSections: readonly RecordDetailSection[] = [
  'fields',
  'domain',
  'signatures',
  'attachments',
  'comments',
  'auditTrail',
];

/** Deviation states whose page shows the investigation. */
const investigationStates = new Set(['in_investigation', 'in_final_approval', 'closed']);

/**
 * A record's page: number, title and state; the lifecycle moves this user may take; its
 * fields; the record type's own section (a deviation's investigation, a CAPA's tasks, a
 * document's versions, an audit's findings); signatures with their manifestations;
 * attachments; comments; and the audit trail.
 *
 * @example
 * <RecordDetail recordType="deviation" id={id} onEdit={() => setEditing(true)} />
 */
export function RecordDetail<T extends RecordType = RecordType>({
  recordType,
  id,
  sections = allSections,
  onEdit,
  onTransitioned,
  onOpenRecord,
  now,
  children,
  className,
  classNames,
}: RecordDetailProps<T>) {
  const { t, labels, principal } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('record-detail', className, classNames);
  const headingId = useId();
  const query = useRecord(type, id);

  if (query.isPending) {
    return (
      <div className={slots('root')} aria-busy="true">
        <p role="status">{t('common.loading')}</p>
      </div>
    );
  }
  if (query.isError) {
    const notFound = isProblemError(query.error) && query.error.status === 404;
    return (
      <div className={slots('root')}>
        <div className={slots.ui('alert')} role="alert">
          <p>{notFound ? t('detail.notFound') : describeError(t, query.error)}</p>
          {!notFound && (
            <button type="button" className={slots.ui('button')} onClick={() => void query.refetch()}>
              {t('common.retry')}
            </button>
          )}
        </div>
      </div>
    );
  }

  const record = query.data;
  const base = record as RecordBase & Record<string, unknown>;
  const title = String(base[type.titleField] ?? '');
  const isFinal = type.finalStates.includes(base.state);
  const mayEdit =
    onEdit !== undefined && principal !== undefined && can(principal, type, 'update') && !isFinal;
  const shown = new Set(sections);
  const fields = Object.entries(type.fields)
    .filter(([field, schema]) => field !== type.titleField && describeField(schema).kind !== 'structured')
    .map(([field]) => field);

  const domain = (() => {
    switch (type.name) {
      case 'deviation':
        return investigationStates.has(base.state) || base.investigation ? (
          <DeviationInvestigation recordType={type} record={base} />
        ) : null;
      case 'capa':
        return <CapaTasks capa={base} recordType={type} now={now} />;
      case 'document':
        return <DocumentVersions document={base} recordType={type} now={now} />;
      case 'audit':
        return (
          <AuditFindings
            audit={base}
            onOpenFinding={
              onOpenRecord ? (finding) => onOpenRecord('finding', (finding as RecordBase).id) : undefined
            }
          />
        );
      case 'finding':
        return type.parent && typeof base[type.parent.foreignKey] === 'string' && onOpenRecord ? (
          <p>
            <button
              type="button"
              className={slots.ui('button')}
              data-variant="link"
              onClick={() => onOpenRecord(type.parent!.type, base[type.parent!.foreignKey] as string)}
            >
              {labels.recordType(type.parent.type)}
            </button>
          </p>
        ) : null;
      default:
        return null;
    }
  })();

  return (
    <article className={slots('root')} aria-labelledby={headingId} data-state={base.state}>
      <header className={slots('header')}>
        <h2 id={headingId} className={slots.ui('heading', slots('title'))}>
          <span className={slots('number')}>{base.number}</span> {title}
        </h2>
        <p className={slots('meta')}>
          <StateBadge recordType={type} state={base.state} />{' '}
          <span>{t('detail.version', { version: base.version })}</span>
          {mayEdit && (
            <>
              {' '}
              <button type="button" className={slots.ui('button')} onClick={() => onEdit(record)}>
                {t('common.edit')}
              </button>
            </>
          )}
        </p>
      </header>
      <div className={slots('actions')}>
        <LifecycleActionBar recordType={type} record={record} onTransitioned={onTransitioned} />
      </div>
      {shown.has('fields') && (
        <section className={slots('section')} aria-labelledby={`${headingId}-fields`}>
          <h3 id={`${headingId}-fields`} className={slots.ui('heading')}>
            {t('detail.fields')}
          </h3>
          <dl className={slots('fields')}>
            {[...fields, 'ownerId', 'createdAt', 'updatedAt'].map((field) => (
              <div key={field} className={slots('field')} data-field={field}>
                <dt>{labels.field(type.name, field)}</dt>
                <dd>
                  <FieldValue recordType={type} field={field} value={base[field]} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {shown.has('domain') && domain && <div className={slots('domain')}>{domain}</div>}
      {children}
      {shown.has('signatures') && <SignatureList recordType={type} id={base.id} />}
      {shown.has('attachments') && <AttachmentList recordType={type} id={base.id} />}
      {shown.has('comments') && <CommentThread recordType={type} id={base.id} />}
      {shown.has('auditTrail') && <AuditTrailTimeline recordType={type} id={base.id} />}
    </article>
  );
}
