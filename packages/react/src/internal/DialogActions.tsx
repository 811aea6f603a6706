import type { ReactNode } from 'react';
import { useQms } from '../provider/useQms';
import type { SlotClasses } from './classNames';

/**
 * The end of a dialog's form: what went wrong, then Cancel and the submit button. Both are
 * disabled while the request is pending, so a second click cannot send it twice.
 */
export function DialogActions({
  slots,
  failure,
  pending,
  submitLabel,
  onCancel,
}: {
  slots: SlotClasses<'error' | 'actions'>;
  failure: ReactNode;
  pending: boolean;
  submitLabel: ReactNode;
  onCancel(): void;
}) {
  const { t } = useQms();
  return (
    <>
      {failure && (
        <div className={slots.ui('alert', slots('error'))} role="alert">
          {failure}
        </div>
      )}
      <div className={slots('actions')}>
        <button type="button" className={slots.ui('button')} disabled={pending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={slots.ui('button')} data-variant="primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
