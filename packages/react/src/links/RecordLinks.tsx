import {
  can,
  type LinkKind,
  linkKinds,
  linkKindsFor,
  type RecordBase,
  type RecordLink,
  type RecordType,
} from '@masetra/core';
import { type FormEvent, useId, useState } from 'react';
import { useRecord } from '../hooks/useRecord';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';
import { HostObjectLink, useHostObjectName } from './HostObjectLink';
import { RecordLinkPicker } from './RecordLinkPicker';
import { SimilarRecords } from './SimilarRecords';
import { useAddLink, useRecordLinks, useRemoveLink } from './useRecordLinks';

export type RecordLinksSlot = 'root' | 'title' | 'list' | 'link' | 'kind' | 'target' | 'form' | 'removal';

export interface RecordLinksProps {
  recordType: RecordTypeRef<RecordType>;
  id: string;
  /** Opens a linked record; the host decides where (its own route for the record). Without it, numbers show as text. */
  onOpenRecord?: (recordType: string, id: string) => void;
  className?: string;
  classNames?: ClassNames<RecordLinksSlot>;
}

/** A kind of link as the picker offers it: its kind, and whether this record is its source. */
type KindChoice = `${LinkKind}.${'outgoing' | 'incoming'}`;

/**
 * A record's links in both directions (a deviation's CAPAs, the deviation a CAPA addresses, the
 * document a CAPA changes, a host object such as a batch), each with the other end's number,
 * title and state; a picker that finds a record by number or title to link; and removal with a
 * reason. Adding and removing need the right to change this record; both records' trails record it.
 *
 * @example
 * <RecordLinks recordType="deviation" id={id} onOpenRecord={(type, id) => navigate(`/${type}/${id}`)} />
 */
export function RecordLinks({ recordType, id, onOpenRecord, className, classNames }: RecordLinksProps) {
  const { t, principal, registry } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('record-links', className, classNames);
  const headingId = useId();
  const links = useRecordLinks(type, id);
  const addLink = useAddLink(type, id);
  const removeLink = useRemoveLink(type, id);
  const self = useRecord(type, id).data as RecordBase | undefined;
  const mayChange = principal !== undefined && can(principal, type, 'update');
  const isFinal = (typeName: string | undefined, state: string | undefined) =>
    state !== undefined && (registry.byName(typeName ?? '')?.finalStates.includes(state) ?? false);
  // The server keeps the links a finished source was closed with (409 record_final): no Remove for them.
  const mayRemove = (link: RecordLink) =>
    mayChange &&
    !(link.direction === 'outgoing'
      ? isFinal(type.name, self?.state)
      : isFinal(link.record?.type, link.record?.state));
  // Host objects are linked by the host (it knows its batches); the picker links records.
  const choices = linkKindsFor(type.name)
    .filter(({ kind }) => linkKinds[kind].to !== 'host')
    .map(({ kind, direction }) => `${kind}.${direction}` as KindChoice);
  const [choice, setChoice] = useState<KindChoice | undefined>(choices[0]);
  const [target, setTarget] = useState<RecordBase | undefined>(undefined);
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState('');

  const otherTypes = (() => {
    if (!choice) return [];
    const [kind, direction] = choice.split('.') as [LinkKind, 'outgoing' | 'incoming'];
    const rule = linkKinds[kind];
    const names = direction === 'outgoing' ? rule.to : rule.from;
    if (names === 'host') return [];
    return (names === '*' ? registry.list.map((candidate) => candidate.name) : [...names]).filter(
      (name) => registry.byName(name) !== undefined,
    );
  })();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice || !target) return;
    const [kind, direction] = choice.split('.') as [LinkKind, 'outgoing' | 'incoming'];
    const ref = { type: target.type, id: target.id };
    addLink.mutate(direction === 'outgoing' ? { kind, to: ref } : { kind, from: ref }, {
      onSuccess: () => setTarget(undefined),
    });
  };
  const confirmRemoval = (event: FormEvent, link: RecordLink) => {
    event.preventDefault();
    if (!reason.trim()) return;
    removeLink.mutate(
      { linkId: link.id, reason: reason.trim() },
      {
        onSuccess: () => {
          setRemoving(undefined);
          setReason('');
        },
      },
    );
  };
  const hostName = useHostObjectName();
  const nameOf = (link: RecordLink) =>
    link.record
      ? `${link.record.number} ${link.record.title ?? ''}`.trim()
      : link.host
        ? hostName(link.host)
        : '';

  return (
    <section className={slots('root')} aria-labelledby={headingId}>
      <h3 id={headingId} className={slots.ui('heading', slots('title'))}>
        {t('links.title')}
      </h3>
      {links.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : links.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, links.error)}
        </p>
      ) : links.data.length === 0 ? (
        <p className={slots.ui('hint')}>{t('links.none')}</p>
      ) : (
        <ul className={slots('list')}>
          {links.data.map((link) => (
            <li
              key={link.id}
              className={slots('link')}
              data-link-kind={link.kind}
              data-direction={link.direction}
            >
              <span className={slots('kind')}>{t(`links.kind.${link.kind}.${link.direction}`)}</span>{' '}
              <span className={slots('target')}>
                {link.record && onOpenRecord ? (
                  <button
                    type="button"
                    className={slots.ui('button')}
                    data-variant="link"
                    onClick={() => onOpenRecord(link.record!.type, link.record!.id)}
                  >
                    {nameOf(link)}
                  </button>
                ) : link.host ? (
                  // A host object opens in the host's own application, where its kind says how.
                  <HostObjectLink host={link.host} />
                ) : (
                  <strong>{nameOf(link)}</strong>
                )}
                {link.record && registry.byName(link.record.type) && (
                  <>
                    {' '}
                    <StateBadge recordType={link.record.type} state={link.record.state} />
                  </>
                )}
              </span>
              {mayRemove(link) && removing !== link.id && (
                <>
                  {' '}
                  <button
                    type="button"
                    className={slots.ui('button')}
                    aria-label={t('links.remove', { name: nameOf(link) })}
                    onClick={() => {
                      setRemoving(link.id);
                      setReason('');
                      removeLink.reset();
                    }}
                  >
                    {t('common.remove')}
                  </button>
                </>
              )}
              {removing === link.id && (
                <form className={slots('removal')} onSubmit={(event) => confirmRemoval(event, link)}>
                  <div className={slots.ui('field')}>
                    <label className={slots.ui('label')} htmlFor={`${headingId}-reason-${link.id}`}>
                      {t('links.removeReason')}
                    </label>
                    <textarea
                      id={`${headingId}-reason-${link.id}`}
                      className={slots.ui('textarea')}
                      rows={2}
                      maxLength={2000}
                      required
                      // biome-ignore lint/a11y/noAutofocus: the field opened by the user's own click on Remove
                      autoFocus
                      value={reason}
                      onChange={(event) => setReason(event.target.value)}
                    />
                  </div>
                  {removeLink.isError && (
                    <p className={slots.ui('error')} role="alert">
                      {describeError(t, removeLink.error)}
                    </p>
                  )}
                  <button
                    type="submit"
                    className={slots.ui('button')}
                    disabled={removeLink.isPending || !reason.trim()}
                  >
                    {t('links.removeConfirm')}
                  </button>{' '}
                  <button type="button" className={slots.ui('button')} onClick={() => setRemoving(undefined)}>
                    {t('common.cancel')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayChange && self && links.data && !isFinal(type.name, self.state) && (
        <SimilarRecords
          recordType={type}
          record={self}
          links={links.data}
          disabled={addLink.isPending}
          onLink={(kind, record) => addLink.mutate({ kind, to: { type: record.type, id: record.id } })}
        />
      )}
      {mayChange && choices.length > 0 && (
        <form className={slots('form')} onSubmit={submit} aria-label={t('links.add')}>
          <div className={slots.ui('field')}>
            <label className={slots.ui('label')} htmlFor={`${headingId}-kind`}>
              {t('links.kindLabel')}
            </label>
            <select
              id={`${headingId}-kind`}
              className={slots.ui('select')}
              value={choice}
              onChange={(event) => {
                setChoice(event.target.value as KindChoice);
                setTarget(undefined);
              }}
            >
              {choices.map((option) => (
                <option key={option} value={option}>
                  {t(`links.kind.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <RecordLinkPicker
            key={choice}
            recordTypes={otherTypes}
            excludeId={id}
            value={target}
            onChange={setTarget}
            label={t('links.record')}
          />
          {addLink.isError && (
            <p className={slots.ui('error')} role="alert">
              {describeError(t, addLink.error)}
            </p>
          )}
          <button type="submit" className={slots.ui('button')} disabled={addLink.isPending || !target}>
            {t('links.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
