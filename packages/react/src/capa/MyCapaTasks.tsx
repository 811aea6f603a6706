import { useId } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';
import { useMyCapaTasks } from './useMyCapaTasks';

export type MyCapaTasksSlot = 'root' | 'title' | 'list' | 'task' | 'taskTitle' | 'capa' | 'due';

export interface MyCapaTasksProps {
  /** Opens the CAPA of a task; the host decides where. Without it, CAPA numbers show as text. */
  onOpenCapa?: (id: string) => void;
  /** Whether it is its own region with a heading (the default); `false` inside a titled page. */
  titled?: boolean;
  className?: string;
  classNames?: ClassNames<MyCapaTasksSlot>;
}

/**
 * "My tasks": the signed-in user's open tasks across CAPAs not yet finished, soonest due first,
 * each with its CAPA (number, title, state) and its due date; overdue ones say so in words, not
 * only in colour.
 *
 * @example
 * <MyCapaTasks onOpenCapa={(id) => navigate(`/capa/${id}`)} />
 */
export function MyCapaTasks({ onOpenCapa, titled = true, className, classNames }: MyCapaTasksProps) {
  const { t, format } = useQms();
  const slots = useSlots('my-capa-tasks', className, classNames);
  const headingId = useId();
  const tasks = useMyCapaTasks();

  const body = tasks.isPending ? (
    <p role="status">{t('common.loading')}</p>
  ) : tasks.isError ? (
    <p className={slots.ui('alert')} role="alert">
      {describeError(t, tasks.error)}
    </p>
  ) : tasks.data.length === 0 ? (
    <p className={slots.ui('hint')}>{t('myTasks.none')}</p>
  ) : (
    <ul className={slots('list')}>
      {tasks.data.map(({ capa, task, overdue }) => {
        const capaName = `${capa.number} ${capa.title ?? ''}`.trim();
        return (
          <li key={`${capa.id}-${task.id}`} className={slots('task')} data-overdue={overdue || undefined}>
            <span className={slots('taskTitle')}>{task.title}</span>
            <span className={slots('capa')}>
              <span className={slots.ui('hint')}>{t('myTasks.capa')}</span>{' '}
              {onOpenCapa ? (
                <button
                  type="button"
                  className={slots.ui('button')}
                  data-variant="link"
                  onClick={() => onOpenCapa(capa.id)}
                >
                  {capaName}
                </button>
              ) : (
                <strong>{capaName}</strong>
              )}{' '}
              <StateBadge recordType="capa" state={capa.state} />
            </span>
            <span className={slots('due')}>
              {t('myTasks.due')}: {task.dueAt ? format.dateTime(task.dueAt) : t('myTasks.noDue')}
              {overdue && <strong>{` ${t('myTasks.overdue')}`}</strong>}
            </span>
          </li>
        );
      })}
    </ul>
  );

  if (!titled) return <div className={slots('root')}>{body}</div>;
  return (
    <section className={slots('root')} aria-labelledby={headingId}>
      <h2 id={headingId} className={slots.ui('heading', slots('title'))}>
        {t('myTasks.title')}
      </h2>
      {body}
    </section>
  );
}
