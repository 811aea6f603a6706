import { can, type TrainingMatrixCell } from '@masetra/core';
import { useId } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { useTrainingMatrix } from './useTraining';

export type TrainingMatrixSlot = 'root' | 'title' | 'summary' | 'scroller' | 'table' | 'cell';

export interface TrainingMatrixProps {
  /** The heading; "Training matrix" by default. */
  title?: string;
  className?: string;
  classNames?: ClassNames<TrainingMatrixSlot>;
}

/**
 * The training matrix: one row per person, one column per current effective document version,
 * each cell trained, due, overdue or not required, in words (colour only repeats it). The
 * table scrolls in a focusable region, so a keyboard reaches every column. Shown to the roles
 * the permission matrix lets read it; others see why not.
 *
 * @example
 * <TrainingMatrix />
 */
export function TrainingMatrix({ title, className, classNames }: TrainingMatrixProps) {
  const { t, format, principal } = useQms();
  const slots = useSlots<TrainingMatrixSlot>('training-matrix', className, classNames);
  const id = useId();
  const allowed = principal ? can(principal, 'viewTrainingMatrix') : true;
  const matrix = useTrainingMatrix({ enabled: allowed });
  const cellText = (cell: TrainingMatrixCell) => {
    const status = t(`training.status.${cell.status}`);
    if (cell.status === 'trained' && cell.acknowledgedAt)
      return `${status}, ${format.date(cell.acknowledgedAt)}`;
    if ((cell.status === 'due' || cell.status === 'overdue') && cell.dueOn) {
      return `${status}, ${format.date(cell.dueOn)}`;
    }
    return status;
  };

  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {title ?? t('training.matrix.title')}
      </h2>
      {!allowed ? (
        <p className={slots.ui('hint')}>{t('training.matrix.forbidden')}</p>
      ) : matrix.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : matrix.isError ? (
        <div className={slots.ui('alert')} role="alert">
          <p>{describeError(t, matrix.error)}</p>
          <button type="button" className={slots.ui('button')} onClick={() => void matrix.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : matrix.data.documents.length === 0 ? (
        <p className={slots.ui('hint')}>{t('training.matrix.empty')}</p>
      ) : (
        <>
          <p className={slots('summary')}>
            {t('training.matrix.overdue', { count: format.number(matrix.data.overdue) })}
          </p>
          {/* A focusable region: keyboard users scroll a wide matrix with the arrow keys. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className={slots('scroller')} aria-labelledby={`${id}-caption`} tabIndex={0}>
            <table className={slots('table')}>
              <caption id={`${id}-caption`}>{t('training.matrix.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('training.matrix.person')}</th>
                  {matrix.data.documents.map((document) => (
                    <th key={document.id} scope="col" title={document.title}>
                      {`${document.number} v${document.versionLabel}`}
                      <br />
                      <span className={slots.ui('hint')}>{document.title}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.data.people.map((person) => (
                  <tr key={person.userId}>
                    <th scope="row">{person.name}</th>
                    {person.cells.map((cell) => (
                      <td key={cell.documentId} className={slots('cell')} data-status={cell.status}>
                        {cellText(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}
