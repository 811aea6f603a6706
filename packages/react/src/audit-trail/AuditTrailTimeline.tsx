import type { AuditTrailEntry, RecordType } from '@masetra/core';
import { useId } from 'react';
import { useAuditTrail, useChainVerification } from '../hooks/useAuditTrail';
import { useRecordType } from '../hooks/useRecordType';
import { type ClassNames, type SlotClasses, useSlots } from '../internal/classNames';
import { formatFieldValue } from '../internal/FieldValue';
import { describeError } from '../internal/problems';
import type { QmsContextValue } from '../provider/QmsContext';
import { useQms } from '../provider/useQms';
import { type ChangeSide, ChangeValue, isStructured } from './ChangeValue';
import { shapeOfChange } from './changeSchema';
import { formatNamedPart } from './formatPart';

export type AuditTrailTimelineSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'chain'
  | 'list'
  | 'entry'
  | 'meta'
  | 'reason'
  | 'changes'
  | 'old'
  | 'new'
  /** A structured value's labelled parts, its lists, and a list item the same on both sides. */
  | 'parts'
  | 'items'
  | 'same';

export interface AuditTrailTimelineProps<T extends RecordType = RecordType> {
  /** The record whose trail to load; or pass `entries`. */
  recordType?: T | string;
  id?: string;
  /** Entries to show instead of loading them (an export, a search result). */
  entries?: readonly AuditTrailEntry[];
  /** Show the server's verification of the hash chain. Default true. */
  verify?: boolean;
  /** The heading; "Audit trail" by default. */
  title?: string;
  className?: string;
  classNames?: ClassNames<AuditTrailTimelineSlot>;
}

/** One side of a change: a plain value as its field's text, a structured one as labelled parts. */
function ChangeCell({
  qms,
  recordType,
  entryType,
  field,
  value,
  other,
  side,
  slots,
}: {
  qms: QmsContextValue;
  recordType: string;
  entryType: RecordType | undefined;
  field: string;
  value: unknown;
  other: unknown;
  side: ChangeSide;
  slots: SlotClasses<AuditTrailTimelineSlot>;
}) {
  if (value === null || value === undefined) return qms.t('common.emptyValue');
  if (!isStructured(value)) {
    // A record's field by its schema; a base field such as `type` by the catalog its name says.
    const text = formatNamedPart(qms, field, value) ?? formatFieldValue(qms, entryType, field, value);
    return side === 'old' ? <del>{text}</del> : <ins>{text}</ins>;
  }
  return (
    <ChangeValue
      qms={qms}
      recordType={recordType}
      field={field}
      shape={shapeOfChange(entryType, field)}
      value={value}
      other={other}
      side={side}
      classes={{ parts: slots('parts'), items: slots('items'), same: slots('same') }}
    />
  );
}

function ChainBadge({ slots }: { slots: SlotClasses<AuditTrailTimelineSlot> }) {
  const { t, format } = useQms();
  const verification = useChainVerification();
  if (verification.isPending) {
    return (
      <p className={slots('chain')} data-status="pending" role="status">
        {t('auditTrail.verifying')}
      </p>
    );
  }
  if (verification.isError) {
    return (
      <p className={slots('chain')} data-status="error" role="status">
        {t('auditTrail.verifyFailed')} {describeError(t, verification.error)}
      </p>
    );
  }
  const result = verification.data;
  return result.ok ? (
    <p className={slots('chain')} data-status="ok" role="status">
      <span aria-hidden="true">✓ </span>
      {t('auditTrail.verified', { count: format.number(result.entries) })}
    </p>
  ) : (
    <p className={slots('chain')} data-status="broken" role="alert">
      <span aria-hidden="true">⚠ </span>
      {t('auditTrail.broken', { seq: format.number(result.brokenAt.seq) })}
    </p>
  );
}

/**
 * A record's audit trail as a timeline: who, when (server time), what (each field's old
 * and new value), and why, with a badge saying whether the hash chain verifies.
 *
 * @example
 * <AuditTrailTimeline recordType="deviation" id={deviation.id} />
 */
export function AuditTrailTimeline<T extends RecordType = RecordType>({
  recordType,
  id,
  entries: givenEntries,
  verify = true,
  title,
  className,
  classNames,
}: AuditTrailTimelineProps<T>) {
  const qms = useQms();
  const { t, labels, format, registry } = qms;
  const slots = useSlots('audit-trail', className, classNames);
  const headingId = useId();
  const type = useRecordType(recordType ?? registry.list[0]!);
  const loaded = useAuditTrail(type, givenEntries ? undefined : id);
  const entries = givenEntries ?? loaded.data ?? [];

  return (
    <section className={slots('root')} aria-labelledby={headingId}>
      <div className={slots('header')}>
        <h3 id={headingId} className={slots.ui('heading', slots('title'))}>
          {title ?? t('auditTrail.title')}
        </h3>
        {verify && <ChainBadge slots={slots} />}
      </div>
      {!givenEntries && loaded.isPending && id ? (
        <p className={slots.ui('status')} role="status">
          {t('common.loading')}
        </p>
      ) : !givenEntries && loaded.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, loaded.error)}
        </p>
      ) : entries.length === 0 ? (
        <p className={slots.ui('status')}>{t('auditTrail.empty')}</p>
      ) : (
        <ol className={slots('list')}>
          {entries.map((entry) => {
            const entryType = registry.byName(entry.recordType);
            return (
              <li key={entry.id} className={slots('entry')} data-action={entry.action}>
                <p className={slots('meta')}>
                  <strong>{entry.actorName}</strong>
                  {' · '}
                  <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  {' · '}
                  <span>{t.optional(`action.${entry.action}`) ?? entry.action}</span>
                  {entry.stateFrom && entry.stateTo && (
                    <span>
                      {': '}
                      {labels.state(entry.stateFrom)} → {labels.state(entry.stateTo)}
                    </span>
                  )}
                  {givenEntries && entry.recordNumber && <span>{` · ${entry.recordNumber}`}</span>}
                  <span
                    className={slots.ui('hint')}
                  >{` · ${t('auditTrail.entry', { seq: entry.seq })}`}</span>
                </p>
                {entry.reason && (
                  <p className={slots('reason')}>
                    <span>{t('auditTrail.reason')}: </span>
                    {entry.reason}
                  </p>
                )}
                {entry.changes.length > 0 &&
                  !(entry.action === 'transition' && entry.changes.length === 1) && (
                    <table className={slots('changes')}>
                      <caption className={slots.ui('hint')}>{t('auditTrail.changes')}</caption>
                      <colgroup>
                        <col data-column="field" />
                        <col data-column="old" />
                        <col data-column="new" />
                      </colgroup>
                      <thead>
                        <tr>
                          <th scope="col">{t('auditTrail.field')}</th>
                          <th scope="col">{t('auditTrail.old')}</th>
                          <th scope="col">{t('auditTrail.new')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {entry.changes.map((change) => (
                          <tr key={change.field}>
                            <th scope="row">{labels.field(entry.recordType, change.field)}</th>
                            {(['old', 'new'] as const).map((side) => (
                              <td key={side} className={slots(side)}>
                                <ChangeCell
                                  qms={qms}
                                  recordType={entry.recordType}
                                  entryType={entryType}
                                  field={change.field}
                                  value={change[side]}
                                  other={side === 'old' ? change.new : change.old}
                                  side={side}
                                  slots={slots}
                                />
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
              </li>
            );
          })}
        </ol>
      )}
      {!givenEntries && loaded.hasNextPage && (
        <button type="button" className={slots.ui('button')} onClick={() => void loaded.fetchNextPage()}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
