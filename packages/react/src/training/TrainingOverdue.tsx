import { can } from '@masetra/core';
import { useId } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { useMyTraining, useTrainingMatrix } from './useTraining';

export type TrainingOverdueSlot = 'root' | 'title' | 'mine' | 'organization';

export interface TrainingOverdueProps {
  /** Called by "Open my training", e.g. to navigate to the user's training list. */
  onOpenTraining?: () => void;
  className?: string;
  classNames?: ClassNames<TrainingOverdueSlot>;
}

/**
 * Overdue training for the dashboard: the user's own, and the organization's for those the
 * permission matrix lets read the training matrix.
 *
 * @example
 * <TrainingOverdue onOpenTraining={() => navigate('/training')} />
 */
export function TrainingOverdue({ onOpenTraining, className, classNames }: TrainingOverdueProps) {
  const { t, format, principal } = useQms();
  const slots = useSlots<TrainingOverdueSlot>('training-overdue', className, classNames);
  const id = useId();
  const mine = useMyTraining();
  const seesMatrix = principal ? can(principal, 'viewTrainingMatrix') : false;
  const matrix = useTrainingMatrix({ enabled: seesMatrix });
  const failure = mine.error ?? (seesMatrix ? matrix.error : null);
  return (
    <section className={slots.ui('card', slots('root'))} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {t('training.dashboard.title')}
      </h3>
      {failure ? (
        <div className={slots.ui('alert')} role="alert">
          <p>{describeError(t, failure)}</p>
        </div>
      ) : mine.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p className={slots('mine')}>
            {t('training.dashboard.mine', { count: format.number(mine.data?.overdue ?? 0) })}
          </p>
          {seesMatrix && matrix.data && (
            <p className={slots('organization')}>
              {t('training.dashboard.organization', { count: format.number(matrix.data.overdue) })}
            </p>
          )}
          {onOpenTraining && (
            <button type="button" className={slots.ui('button')} data-variant="link" onClick={onOpenTraining}>
              {t('training.dashboard.open')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
