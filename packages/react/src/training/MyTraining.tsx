import type { TrainingTask } from '@masetra/core';
import { useId, useState } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { SignatureDialog } from '../signature/SignatureDialog';
import { useAcknowledgeTraining, useMyTraining } from './useTraining';

export type MyTrainingSlot = 'root' | 'title' | 'summary' | 'table' | 'status' | 'done';

export interface MyTrainingProps {
  /** Called when a document is opened from the list, e.g. to navigate to it. */
  onOpenDocument?: (task: TrainingTask) => void;
  /** The heading; "My training" by default. */
  title?: string;
  className?: string;
  classNames?: ClassNames<MyTrainingSlot>;
}

/**
 * The signed-in user's training: each open task with its document's number, title and version
 * and its due day (overdue said in words, not colour alone), acknowledged through the signature
 * dialog with the meaning "read and understood"; then what they acknowledged.
 *
 * @example
 * <MyTraining onOpenDocument={(task) => navigate(`/documents/${task.documentId}`)} />
 */
export function MyTraining({ onOpenDocument, title, className, classNames }: MyTrainingProps) {
  const { t, format } = useQms();
  const slots = useSlots<MyTrainingSlot>('training', className, classNames);
  const id = useId();
  const training = useMyTraining();
  const acknowledge = useAcknowledgeTraining();
  const [signing, setSigning] = useState<TrainingTask | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const items = training.data?.items ?? [];
  const open = items.filter((task) => task.status === 'open');
  const done = items.filter((task) => task.status === 'acknowledged');
  const documentLabel = (task: TrainingTask) => `${task.documentNumber} v${task.versionLabel}`;

  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {title ?? t('training.mine.title')}
      </h2>
      <p role="status" className={slots.ui('hint')}>
        {announcement}
      </p>
      {training.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : training.isError ? (
        <div className={slots.ui('alert')} role="alert">
          <p>{describeError(t, training.error)}</p>
          <button type="button" className={slots.ui('button')} onClick={() => void training.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <>
          <p className={slots('summary')}>
            {t('training.mine.summary', {
              open: format.number(training.data.open),
              overdue: format.number(training.data.overdue),
            })}
          </p>
          {open.length === 0 ? (
            <p className={slots.ui('hint')}>{t('training.mine.empty')}</p>
          ) : (
            <table className={slots('table')} aria-labelledby={`${id}-open`}>
              <caption id={`${id}-open`}>{t('training.mine.open')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('training.document')}</th>
                  <th scope="col">{t('training.documentTitle')}</th>
                  <th scope="col">{t('training.version')}</th>
                  <th scope="col">{t('training.dueOn')}</th>
                  <th scope="col">{t('training.status')}</th>
                  <th scope="col">{t('training.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {open.map((task) => (
                  <tr key={task.id} data-overdue={task.overdue || undefined}>
                    <th scope="row">
                      {onOpenDocument ? (
                        <button
                          type="button"
                          className={slots.ui('button')}
                          data-variant="link"
                          onClick={() => onOpenDocument(task)}
                        >
                          {task.documentNumber}
                        </button>
                      ) : (
                        task.documentNumber
                      )}
                    </th>
                    <td>{task.documentTitle}</td>
                    <td>{task.versionLabel}</td>
                    <td>
                      <time dateTime={task.dueOn}>{format.date(task.dueOn)}</time>
                    </td>
                    <td className={slots('status')} data-status={task.overdue ? 'overdue' : 'due'}>
                      {t(task.overdue ? 'training.status.overdue' : 'training.status.due')}
                    </td>
                    <td>
                      <button
                        type="button"
                        className={slots.ui('button')}
                        data-variant="primary"
                        aria-label={t('training.acknowledgeLabel', { document: documentLabel(task) })}
                        onClick={() => setSigning(task)}
                      >
                        {t('training.acknowledge')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {done.length > 0 && (
            <>
              <h3 className={slots.ui('heading')}>{t('training.mine.done')}</h3>
              <ul className={slots('done')}>
                {done.map((task) => (
                  <li key={task.id}>
                    {`${documentLabel(task)} ${task.documentTitle} — ${t('training.status.trained')}, `}
                    {task.acknowledgedAt && (
                      <time dateTime={task.acknowledgedAt}>{format.dateTime(task.acknowledgedAt)}</time>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <SignatureDialog
        open={signing !== undefined}
        onOpenChange={(next) => {
          if (!next) setSigning(undefined);
        }}
        recordLabel={signing ? `${documentLabel(signing)} ${signing.documentTitle}` : ''}
        eventLabel={t('training.acknowledge')}
        meaning="read_and_understood"
        onSign={async ({ signature }) => {
          if (!signing) return;
          await acknowledge.mutateAsync({ taskId: signing.id, signature });
          setAnnouncement(t('training.acknowledged', { document: documentLabel(signing) }));
          setSigning(undefined);
        }}
      />
    </section>
  );
}
