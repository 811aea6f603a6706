import { type FormEvent, useEffect, useId, useState } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { DialogActions } from '../internal/DialogActions';
import { DialogFrame, type DialogSlot } from '../internal/DialogFrame';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';

export type ReasonDialogSlot = DialogSlot | 'form' | 'error';

export interface ReasonDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The step that needs the reason, e.g. "Reject". */
  eventLabel: string;
  /** Takes the step; reject to show why and keep the dialog open. */
  onConfirm(reason: string): Promise<unknown>;
  className?: string;
  classNames?: ClassNames<ReasonDialogSlot>;
}

/** Asks for the written reason a lifecycle step needs; it goes into the audit trail. */
export function ReasonDialog({
  open,
  onOpenChange,
  eventLabel,
  onConfirm,
  className,
  classNames,
}: ReasonDialogProps) {
  const { t } = useQms();
  const slots = useSlots<ReasonDialogSlot>('reason-dialog', className, classNames);
  const id = useId();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    setReason('');
    setInvalid(false);
    setFailure(undefined);
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setInvalid(true);
      return;
    }
    setPending(true);
    setFailure(undefined);
    try {
      await onConfirm(reason.trim());
      onOpenChange(false);
    } catch (error) {
      setFailure(describeError(t, error));
    } finally {
      setPending(false);
    }
  };

  return (
    <DialogFrame
      open={open}
      onOpenChange={(next) => !pending && onOpenChange(next)}
      title={t('reason.title', { event: eventLabel })}
      description={t('reason.description')}
      className={slots('root')}
      classNames={{ ...classNames, root: undefined }}
    >
      <form className={slots('form')} onSubmit={submit} noValidate>
        <div className={slots.ui('field')}>
          <label className={slots.ui('label')} htmlFor={`${id}-reason`}>
            {t('reason.label')}
          </label>
          <textarea
            id={`${id}-reason`}
            className={slots.ui('textarea')}
            value={reason}
            required
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {invalid && (
            <p id={`${id}-error`} className={slots.ui('error')}>
              {t('reason.required')}
            </p>
          )}
        </div>
        <DialogActions
          slots={slots}
          failure={failure}
          pending={pending}
          submitLabel={t('reason.submit')}
          onCancel={() => onOpenChange(false)}
        />
      </form>
    </DialogFrame>
  );
}
