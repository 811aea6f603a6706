import { isProblemError } from '@masetra/client';
import type { EventOf, FieldIssue, RecordBase, RecordOf, RecordType, SignatureInput } from '@masetra/core';
import { useId, useState } from 'react';
import { type LifecycleMove, useLifecycle } from '../hooks/useLifecycle';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { useTransition } from '../hooks/useTransition';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError, fieldOfPointer } from '../internal/problems';
import type { QmsContextValue } from '../provider/QmsContext';
import { useQms } from '../provider/useQms';
import { SignatureDialog } from '../signature/SignatureDialog';
import { ReasonDialog } from './ReasonDialog';

export type LifecycleActionBarSlot =
  | 'root'
  | 'actions'
  | 'action'
  | 'button'
  | 'hint'
  | 'error'
  | 'announcement';

export interface LifecycleActionBarProps<T extends RecordType = RecordType> {
  recordType: RecordTypeRef<T>;
  /** The record as shown; its version is what the move is based on. */
  record: RecordOf<T>;
  /** Called after a move the server accepted, with the record in its new state. */
  onTransitioned?: (record: RecordOf<T>, event: string) => void;
  className?: string;
  classNames?: ClassNames<LifecycleActionBarSlot>;
}

function fieldNames(qms: QmsContextValue, recordType: RecordType, issues: readonly FieldIssue[]): string {
  const fields = [...new Set(issues.map((issue) => fieldOfPointer(issue.pointer) ?? issue.pointer))];
  return qms.format.list(fields.map((field) => qms.labels.field(recordType.name, field)));
}

/** Why a move is refused, in the catalog's words. */
function refusalText(
  qms: QmsContextValue,
  recordType: RecordType,
  record: RecordBase,
  move: LifecycleMove,
): string {
  const { t, labels } = qms;
  const code = move.refusal?.code;
  switch (code) {
    case 'segregation_of_duties': {
      // A role of the approval chain (author, reviewer, requester) rather than the record's owner.
      const role = move.refusal?.role;
      if (role && role !== 'owner' && role !== 'originator') {
        return t('lifecycle.refusal.segregation_of_duties_in_chain', {
          role: t.optional(`lifecycle.chainRole.${role}`) ?? role,
          number: record.number,
        });
      }
      return t('lifecycle.refusal.segregation_of_duties', {
        number: record.number,
        meaning: t(`meaning.${move.signature ?? 'approval'}`),
      });
    }
    case 'missing_fields':
      return t('lifecycle.refusal.missing_fields', {
        fields: fieldNames(qms, recordType, move.missingFields),
      });
    case 'guard_failed':
      return (
        labels.requires(recordType.name, move.event, move.requires) ?? t('lifecycle.refusal.guard_failed')
      );
    case undefined:
      return '';
    default:
      return t(`lifecycle.refusal.${code}`);
  }
}

/**
 * The lifecycle moves of a record this user may take now: exactly what the record type's
 * machine accepts and the user's roles allow. A refused move stays visible, marked
 * unavailable with its reason (segregation of duties, missing fields). A move that needs a
 * reason asks for one; a signed move opens the signature dialog.
 *
 * @example
 * <LifecycleActionBar recordType="deviation" record={deviation} onTransitioned={(next) => toast(next.state)} />
 */
export function LifecycleActionBar<T extends RecordType = RecordType>({
  recordType,
  record,
  onTransitioned,
  className,
  classNames,
}: LifecycleActionBarProps<T>) {
  const qms = useQms();
  const { t, labels } = qms;
  const type = useRecordType(recordType);
  const slots = useSlots('lifecycle-action-bar', className, classNames);
  const id = useId();
  const base = record as RecordBase;
  const { moves, isFinal, isLoadingRelated } = useLifecycle(type, record);
  const transition = useTransition(type);
  const [prompt, setPrompt] = useState<LifecycleMove<EventOf<T>> | undefined>(undefined);
  const [failure, setFailure] = useState<{ message: string; issues: FieldIssue[] } | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  const move = async (
    chosen: LifecycleMove<EventOf<T>>,
    extra: { reason?: string; signature?: SignatureInput } = {},
  ) => {
    setFailure(undefined);
    const next = await transition.mutateAsync({
      id: base.id,
      version: base.version,
      event: chosen.event,
      ...extra,
    });
    const moved = next as RecordBase;
    setAnnouncement(t('lifecycle.moved', { number: moved.number, state: labels.state(moved.state) }));
    onTransitioned?.(next, chosen.event);
    return next;
  };

  const start = (chosen: LifecycleMove<EventOf<T>>) => {
    if (!chosen.enabled || transition.isPending) return;
    if (chosen.signature || chosen.needsReason) {
      setPrompt(chosen);
      return;
    }
    move(chosen).catch((error: unknown) =>
      setFailure({ message: describeError(t, error), issues: isProblemError(error) ? error.errors : [] }),
    );
  };

  const recordLabel = `${base.number} · ${String((record as Record<string, unknown>)[type.titleField] ?? '')}`;

  return (
    <div className={slots('root')}>
      {isFinal ? (
        <p className={slots('hint')}>{t('lifecycle.final', { state: labels.state(base.state) })}</p>
      ) : moves.length === 0 ? (
        <p className={slots('hint')}>
          {isLoadingRelated ? t('lifecycle.pendingRelated') : t('lifecycle.none')}
        </p>
      ) : (
        <ul className={slots('actions')} aria-label={t('lifecycle.label')}>
          {moves.map((candidate) => {
            const hint = candidate.enabled
              ? [
                  candidate.signature &&
                    t('lifecycle.signHint', { meaning: t(`meaning.${candidate.signature}`) }),
                  candidate.needsReason && t('lifecycle.reasonHint'),
                ]
                  .filter(Boolean)
                  .join(' · ')
              : refusalText(qms, type, base, candidate);
            const hintId = `${id}-${candidate.event}-hint`;
            return (
              <li key={candidate.event} className={slots('action')} data-enabled={candidate.enabled}>
                <button
                  type="button"
                  className={slots.ui('button', slots('button'))}
                  data-variant={candidate.enabled && candidate.signature ? 'primary' : undefined}
                  // aria-disabled, not disabled: the button stays focusable so its reason can be read.
                  aria-disabled={!candidate.enabled || transition.isPending ? true : undefined}
                  aria-describedby={hint ? hintId : undefined}
                  onClick={() => start(candidate)}
                >
                  {labels.event(candidate.event)}
                </button>
                {hint && (
                  <span id={hintId} className={slots('hint')}>
                    {hint}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {failure && (
        <div className={slots.ui('alert', slots('error'))} role="alert">
          <p>{failure.message}</p>
          {failure.issues.length > 0 && (
            <ul>
              {failure.issues.map((issue) => (
                <li key={issue.pointer}>
                  {labels.field(type.name, fieldOfPointer(issue.pointer) ?? issue.pointer)}: {issue.detail}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className={slots('announcement')} role="status">
        {announcement}
      </p>
      {prompt?.signature ? (
        <SignatureDialog
          open
          onOpenChange={(open) => !open && setPrompt(undefined)}
          recordLabel={recordLabel}
          eventLabel={labels.event(prompt.event)}
          meaning={prompt.signature}
          needsReason={prompt.needsReason}
          onSign={({ signature, reason }) => move(prompt, { signature, reason })}
        />
      ) : prompt ? (
        <ReasonDialog
          open
          onOpenChange={(open) => !open && setPrompt(undefined)}
          eventLabel={labels.event(prompt.event)}
          onConfirm={(reason) => move(prompt, { reason })}
        />
      ) : null}
    </div>
  );
}
