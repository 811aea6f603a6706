import { isProblemError } from '@masetra/client';
import { initialStateOf, type RecordBase, type RecordType } from '@masetra/core';
import { useId, useState } from 'react';
import { useUpdateRecord } from '../hooks/useUpdateRecord';
import { useQms } from '../provider/useQms';
import { cx } from './classNames';
import { describeError } from './problems';

/**
 * Saves the changes of a section (an investigation, a CAPA's tasks) through an update,
 * with the reason a change past draft needs, and shows what the server refused.
 */
export function SaveBar({
  recordType,
  record,
  changes,
  dirty,
  onSaved,
  onErrors,
}: {
  recordType: RecordType;
  record: RecordBase;
  /** The fields to send. */
  changes: Record<string, unknown>;
  dirty: boolean;
  onSaved?: () => void;
  /** The server's field issues, pointers relative to the record (`/tasks/0/dueAt`). */
  onErrors?: (issues: { pointer: string; detail: string }[]) => void;
}) {
  const { t, unstyled } = useQms();
  const id = useId();
  const update = useUpdateRecord(recordType);
  const needsReason = record.state !== initialStateOf(recordType);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const ui = (name: string) => (unstyled ? undefined : `masetra-${name}`);

  const save = async () => {
    if (needsReason && !reason.trim()) {
      setFailure(t('reason.required'));
      return;
    }
    setFailure(undefined);
    setSaved(false);
    try {
      await update.mutateAsync({
        id: record.id,
        version: record.version,
        changes: changes as never,
        reason: needsReason ? reason.trim() : undefined,
      });
      setReason('');
      setSaved(true);
      onErrors?.([]);
      onSaved?.();
    } catch (error) {
      const issues = isProblemError(error) ? error.errors : [];
      onErrors?.(issues.map((issue) => ({ ...issue, pointer: issue.pointer.replace(/^\/changes/, '') })));
      setFailure([describeError(t, error), ...issues.map((issue) => issue.detail)].join(' '));
    }
  };

  if (!dirty && !failure && !saved) return null;
  return (
    <div className={cx(ui('save-bar'))}>
      {dirty && needsReason && (
        <div className={ui('field')}>
          <label className={ui('label')} htmlFor={`${id}-reason`}>
            {t('form.reason')}
          </label>
          <textarea
            id={`${id}-reason`}
            className={ui('textarea')}
            value={reason}
            rows={2}
            required
            aria-describedby={`${id}-hint`}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${id}-hint`} className={ui('hint')}>
            {t('form.reasonHint')}
          </p>
        </div>
      )}
      {failure && (
        <div className={ui('alert')} role="alert">
          {failure}
        </div>
      )}
      {saved && !dirty && <p role="status">{t('form.saved')}</p>}
      {dirty && (
        <button
          type="button"
          className={ui('button')}
          data-variant="primary"
          disabled={update.isPending}
          onClick={() => void save()}
        >
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      )}
    </div>
  );
}
