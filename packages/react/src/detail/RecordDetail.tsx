import { isProblemError } from '@masetra/client';
import { can, linkKinds, type RecordOf, type RecordType } from '@masetra/core';
import { type CSSProperties, type ReactNode, useId } from 'react';
import { AuditTrailTimeline } from '../audit-trail/AuditTrailTimeline';
import { describeField } from '../form/describeField';
import { useRecord } from '../hooks/useRecord';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { FieldValue } from '../internal/FieldValue';
import { describeError } from '../internal/problems';
import { LifecycleActionBar } from '../lifecycle/LifecycleActionBar';
import { RecordLinks } from '../links/RecordLinks';
import { Traceability } from '../links/Traceability';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';
import { AttachmentList } from './AttachmentList';
import { CommentThread } from './CommentThread';
import { defaultRecordViews } from './defaultRecordViews';
import { RecordPdfButton } from './RecordPdfButton';
import { shownSections, type ViewedRecord } from './recordView';
import { SignatureList } from './SignatureList';
import { useSectionNavigation } from './useSectionNavigation';

/** The parts of a record's page, in the order shown; `domain` is its record type's own sections (its view). */
export type RecordDetailSection =
  | 'fields'
  | 'domain'
  | 'links'
  | 'trace'
  | 'signatures'
  | 'attachments'
  | 'comments'
  | 'auditTrail';

export type RecordDetailSlot =
  | 'root'
  | 'header'
  | 'headingRow'
  | 'title'
  | 'number'
  | 'meta'
  | 'actions'
  | 'nav'
  | 'navList'
  | 'navLink'
  | 'body'
  | 'fields'
  | 'field'
  | 'domain'
  | 'section'
  | 'sectionTitle';

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
  /** Offer "Download PDF": the record's dossier with its signatures and audit trail. Default true. */
  pdf?: boolean;
  /** Extra content after the record type's own sections, e.g. host links. */
  children?: ReactNode;
  className?: string;
  classNames?: ClassNames<RecordDetailSlot>;
}

const allSections: readonly RecordDetailSection[] = [
  'fields',
  'domain',
  'links',
  'trace',
  'signatures',
  'attachments',
  'comments',
  'auditTrail',
];

/** One entry of the page's section navigation. */
interface PagePart {
  elementId: string;
  label: string;
}

/**
 * A record's page. A header that stays in view while the page scrolls: number, title, state,
 * version and the lifecycle moves this user may take. A navigation between its parts: the
 * fields; its record type's own sections (its view: a deviation's investigation, a CAPA's tasks,
 * a document's versions, an audit's findings, or a host type's own, from `QmsProvider`'s
 * `views`); its links to and from other records; its traceability chain (`Traceability`); signatures with their manifestations; attachments; comments; and the audit trail.
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
  pdf = true,
  children,
  className,
  classNames,
}: RecordDetailProps<T>) {
  const { t, labels, principal, views } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('record-detail', className, classNames);
  const pageId = useId();
  const query = useRecord(type, id);
  const record = query.data as ViewedRecord | undefined;

  const shown = new Set(sections);
  const partId = (part: string) => `${pageId}-${part}`;
  const viewSections =
    record && shown.has('domain')
      ? shownSections(views[type.name] ?? defaultRecordViews[type.name], type, record)
      : [];
  const parts: PagePart[] = [
    shown.has('fields') && { elementId: partId('fields'), label: t('detail.fields') },
    ...viewSections.map((section) => ({
      elementId: partId(`view-${section.id}`),
      label: t.optional(section.label) ?? section.label,
    })),
    shown.has('links') && { elementId: partId('links'), label: t('links.title') },
    shown.has('trace') && { elementId: partId('trace'), label: t('trace.title') },
    shown.has('signatures') && { elementId: partId('signatures'), label: t('detail.signatures') },
    shown.has('attachments') && { elementId: partId('attachments'), label: t('detail.attachments') },
    shown.has('comments') && { elementId: partId('comments'), label: t('detail.comments') },
    shown.has('auditTrail') && { elementId: partId('auditTrail'), label: t('auditTrail.title') },
  ].filter((part): part is PagePart => part !== false);
  const navigation = useSectionNavigation(record ? parts.map((part) => part.elementId) : []);

  if (query.isPending) {
    return (
      <div className={slots('root')} aria-busy="true">
        <p role="status">{t('common.loading')}</p>
      </div>
    );
  }
  if (query.isError || !record) {
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

  const headingId = partId('heading');
  const title = String(record[type.titleField] ?? '');
  const isFinal = type.finalStates.includes(record.state);
  const mayEdit =
    onEdit !== undefined && principal !== undefined && can(principal, type, 'update') && !isFinal;
  // A field the server keeps in step with links (a deviation's `linkedCapaIds`) is shown as links, in the Links section, not as raw ids.
  const linkMirrors = new Set(Object.values(linkKinds).map((rule) => rule.mirrorField?.[type.name]));
  const fields = Object.entries(type.fields)
    .filter(
      ([field, schema]) =>
        field !== type.titleField &&
        !type.hiddenFields?.includes(field) &&
        describeField(schema).kind !== 'structured' &&
        !(shown.has('links') && linkMirrors.has(field)),
    )
    .map(([field]) => field);
  const pageStyle = {
    '--masetra-record-detail-header-height': `${navigation.headerHeight}px`,
  } as CSSProperties;

  return (
    <article
      className={slots('root')}
      aria-labelledby={headingId}
      data-state={record.state}
      data-record-type={type.name}
      style={pageStyle}
    >
      <header ref={navigation.headerRef} className={slots('header')}>
        <div className={slots('headingRow')}>
          <h2 id={headingId} className={slots.ui('heading', slots('title'))}>
            <span className={slots('number')}>{record.number}</span> {title}
          </h2>
          <p className={slots('meta')}>
            <StateBadge recordType={type} state={record.state} />{' '}
            <span>{t('detail.version', { version: record.version })}</span>
            {pdf && (
              <>
                {' '}
                <RecordPdfButton recordType={type} record={record} />
              </>
            )}
            {mayEdit && (
              <>
                {' '}
                <button
                  type="button"
                  className={slots.ui('button')}
                  onClick={() => onEdit(record as unknown as RecordOf<T>)}
                >
                  {t('common.edit')}
                </button>
              </>
            )}
          </p>
        </div>
        <div className={slots('actions')}>
          <LifecycleActionBar
            recordType={type}
            record={record as unknown as RecordOf<T>}
            onTransitioned={onTransitioned}
          />
        </div>
        {parts.length > 1 && (
          <nav className={slots('nav')} aria-label={t('detail.sections')}>
            <ul className={slots('navList')}>
              {parts.map((part) => (
                <li key={part.elementId}>
                  <a
                    href={`#${part.elementId}`}
                    className={slots('navLink')}
                    aria-current={navigation.current === part.elementId ? 'location' : undefined}
                    onClick={(event) => navigation.jumpTo(event, part.elementId)}
                  >
                    {part.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <div className={slots('body')}>
        {shown.has('fields') && (
          <section
            id={partId('fields')}
            className={slots('section')}
            aria-labelledby={`${partId('fields')}-title`}
          >
            <h3 id={`${partId('fields')}-title`} className={slots.ui('heading', slots('sectionTitle'))}>
              {t('detail.fields')}
            </h3>
            <dl className={slots('fields')}>
              {[...fields, 'ownerId', 'createdAt', 'updatedAt'].map((field) => (
                <div key={field} className={slots('field')} data-field={field}>
                  <dt>{labels.field(type.name, field)}</dt>
                  <dd>
                    <FieldValue recordType={type} field={field} value={record[field]} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        {viewSections.map((section) => {
          const elementId = partId(`view-${section.id}`);
          const Section = section.component;
          return (
            <section
              key={section.id}
              id={elementId}
              className={slots('section')}
              aria-labelledby={`${elementId}-title`}
              data-view-section={section.id}
            >
              <h3 id={`${elementId}-title`} className={slots.ui('heading', slots('sectionTitle'))}>
                {t.optional(section.label) ?? section.label}
              </h3>
              <div className={slots('domain')}>
                <Section record={record} recordType={type} now={now} onOpenRecord={onOpenRecord} />
              </div>
            </section>
          );
        })}
        {children}
        {shown.has('links') && (
          <div id={partId('links')} className={slots('section')}>
            <RecordLinks recordType={type} id={record.id} onOpenRecord={onOpenRecord} />
          </div>
        )}
        {shown.has('trace') && (
          <div id={partId('trace')} className={slots('section')}>
            <Traceability recordType={type} id={record.id} onOpenRecord={onOpenRecord} />
          </div>
        )}
        {shown.has('signatures') && (
          <div id={partId('signatures')} className={slots('section')}>
            <SignatureList recordType={type} id={record.id} />
          </div>
        )}
        {shown.has('attachments') && (
          <div id={partId('attachments')} className={slots('section')}>
            <AttachmentList recordType={type} id={record.id} />
          </div>
        )}
        {shown.has('comments') && (
          <div id={partId('comments')} className={slots('section')}>
            <CommentThread recordType={type} id={record.id} />
          </div>
        )}
        {shown.has('auditTrail') && (
          <div id={partId('auditTrail')} className={slots('section')}>
            <AuditTrailTimeline recordType={type} id={record.id} />
          </div>
        )}
      </div>
    </article>
  );
}
