import type { SchemaOutput } from '@masetra/client';
import {
  can,
  capaOverdueTasks,
  capaPendingExtension,
  capaPlanLockedStates,
  type capaTaskSchema,
  type ExtensionRequestData,
  type extensionRequestSchema,
  type RecordBase,
  type RecordType,
} from '@masetra/core';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { fromInputValue, toDateTimeLocal } from '../form/formValues';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { useTransition } from '../hooks/useTransition';
import { type ClassNames, useSlots } from '../internal/classNames';
import { FieldValue } from '../internal/FieldValue';
import { describeError } from '../internal/problems';
import { SaveBar } from '../internal/SaveBar';
import { useQms } from '../provider/useQms';

export type CapaTask = SchemaOutput<typeof capaTaskSchema>;
export type ExtensionRequest = SchemaOutput<typeof extensionRequestSchema>;

export type CapaTasksSlot =
  | 'root'
  | 'title'
  | 'progress'
  | 'tasks'
  | 'task'
  | 'locked'
  | 'extensions'
  | 'extensionForm'
  | 'effectiveness';

interface CapaRecord extends RecordBase {
  tasks?: CapaTask[];
  extensionRequests?: ExtensionRequest[];
  effectivenessCriteria?: string;
  effectivenessResult?: string;
  effectivenessEvidence?: string;
}

export interface CapaTasksProps {
  /** The CAPA, as loaded. */
  capa: RecordBase;
  /** The CAPA record type; the built-in `capa` by default. */
  recordType?: RecordTypeRef<RecordType>;
  /** The instant overdue is judged at (ISO 8601); now by default. */
  now?: string;
  /**
   * Whether it is its own region with a heading (the default); `false` inside a page section
   * that is titled already, as on `RecordDetail`.
   */
  titled?: boolean;
  className?: string;
  classNames?: ClassNames<CapaTasksSlot>;
}

function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

/** The value of the "whose due date" choice that stands for the CAPA's own due date. */
const CAPA_DUE = '\u0000capa';

/**
 * A CAPA's plan: its tasks with owner, due date and done, the progress, overdue tasks, the
 * extension requests that alone move a due date once the plan is approved, and the
 * effectiveness check. Changes are saved with the reason a change past draft needs.
 *
 * @example
 * <CapaTasks capa={capa} />
 */
export function CapaTasks({
  capa,
  recordType = 'capa',
  now,
  titled = true,
  className,
  classNames,
}: CapaTasksProps) {
  const { t, labels, principal, userName } = useQms();
  const type = useRecordType(recordType);
  const transition = useTransition(type);
  const slots = useSlots('capa-tasks', className, classNames);
  const id = useId();
  const record = capa as CapaRecord;
  const stored = record.tasks ?? [];
  const [tasks, setTasks] = useState<CapaTask[]>(stored);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [extension, setExtension] = useState({ taskId: '', newDueAt: '', reason: '' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version stands for the stored tasks
  useEffect(() => setTasks(record.tasks ?? []), [record.version]);

  const isFinal = type.finalStates.includes(record.state);
  const mayChange = principal !== undefined && can(principal, type, 'update') && !isFinal;
  const locked = capaPlanLockedStates.includes(record.state);
  // Asking is a lifecycle step of its own, one request at a time; deciding is the action bar's.
  const mayRequest =
    principal !== undefined &&
    can(principal, type, { event: 'REQUEST_EXTENSION' }) &&
    !isFinal &&
    capaPendingExtension(record) === undefined;
  const overdue = new Set(
    capaOverdueTasks({ tasks }, now ?? new Date().toISOString()).map((task) => task.id),
  );
  const done = tasks.filter((task) => task.done).length;
  const dirty = JSON.stringify(tasks) !== JSON.stringify(stored);
  const change = (index: number, patch: Partial<CapaTask>) =>
    setTasks(tasks.map((task, at) => (at === index ? { ...task, ...patch } : task)));

  // An extension request is a lifecycle step: its reason is the step's, its new date the step's data.
  const requestExtension = async (event: FormEvent) => {
    event.preventDefault();
    const due = fromInputValue(t, { kind: 'dateTime', optional: false }, extension.newDueAt, true);
    if (!extension.taskId || !due.ok || !extension.reason.trim()) {
      setErrors({ extension: due.ok ? t('form.required') : due.error });
      return;
    }
    setErrors({});
    const data: ExtensionRequestData = {
      ...(extension.taskId === CAPA_DUE ? {} : { taskId: extension.taskId }),
      newDueAt: due.value as string,
    };
    try {
      await transition.mutateAsync({
        id: record.id,
        version: record.version,
        event: 'REQUEST_EXTENSION',
        reason: extension.reason.trim(),
        data,
      });
      setExtension({ taskId: '', newDueAt: '', reason: '' });
    } catch (error) {
      setErrors({ extension: describeError(t, error) });
    }
  };

  const Root = titled ? 'section' : 'div';

  return (
    <Root className={slots('root')} aria-labelledby={titled ? `${id}-title` : undefined}>
      {titled && (
        <h3 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
          {t('capa.tasks')}
        </h3>
      )}
      {tasks.length === 0 ? (
        <p className={slots.ui('hint')}>{t('capa.noTasks')}</p>
      ) : (
        <p className={slots('progress')}>
          <label htmlFor={`${id}-progress`}>{t('capa.progress', { done, total: tasks.length })}</label>{' '}
          <progress id={`${id}-progress`} max={tasks.length} value={done} />
        </p>
      )}
      {locked && mayChange && <p className={slots('locked')}>{t('capa.locked')}</p>}
      {tasks.length > 0 && (
        <table className={slots('tasks')}>
          <thead>
            <tr>
              <th scope="col">{t('capa.task')}</th>
              <th scope="col">{t('capa.taskOwner')}</th>
              <th scope="col">{t('capa.taskDue')}</th>
              <th scope="col">{t('capa.taskDone')}</th>
              {mayChange && !locked && (
                <th scope="col">
                  <span className={slots.ui('hint')}>{t('common.remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {tasks.map((task, index) => {
              const dueError = errors[`/tasks/${index}/dueAt`];
              return (
                <tr
                  key={task.id}
                  className={slots('task')}
                  data-overdue={overdue.has(task.id) || undefined}
                  data-done={task.done || undefined}
                >
                  <th scope="row">
                    {mayChange && !locked ? (
                      <input
                        className={slots.ui('input')}
                        aria-label={t('capa.task')}
                        value={task.title}
                        onChange={(event) => change(index, { title: event.target.value })}
                      />
                    ) : (
                      task.title
                    )}
                  </th>
                  <td>
                    {mayChange && !locked ? (
                      <input
                        className={slots.ui('input')}
                        aria-label={`${t('capa.taskOwner')}: ${task.title}`}
                        value={task.ownerId ?? ''}
                        onChange={(event) => change(index, { ownerId: event.target.value || undefined })}
                      />
                    ) : task.ownerId ? (
                      userName(task.ownerId)
                    ) : (
                      t('common.emptyValue')
                    )}
                  </td>
                  <td>
                    {mayChange && !locked ? (
                      <input
                        className={slots.ui('input')}
                        type="datetime-local"
                        aria-label={`${t('capa.taskDue')}: ${task.title}`}
                        aria-invalid={dueError ? true : undefined}
                        value={task.dueAt ? toDateTimeLocal(task.dueAt) : ''}
                        onChange={(event) => {
                          const due = fromInputValue(
                            t,
                            { kind: 'dateTime', optional: true },
                            event.target.value,
                            false,
                          );
                          change(index, { dueAt: due.ok ? (due.value as string | undefined) : task.dueAt });
                        }}
                      />
                    ) : task.dueAt ? (
                      <FieldValue recordType={type} field="dueAt" value={task.dueAt} />
                    ) : (
                      t('common.emptyValue')
                    )}
                    {overdue.has(task.id) && <strong>{` ${t('capa.overdue')}`}</strong>}
                    {dueError && <p className={slots.ui('error')}>{dueError}</p>}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t('capa.taskDone')}: ${task.title}`}
                      checked={task.done}
                      disabled={!mayChange}
                      onChange={(event) =>
                        change(index, {
                          done: event.target.checked,
                          doneAt: event.target.checked ? new Date().toISOString() : undefined,
                        })
                      }
                    />
                  </td>
                  {mayChange && !locked && (
                    <td>
                      <button
                        type="button"
                        className={slots.ui('button')}
                        data-variant="quiet"
                        aria-label={`${t('capa.removeTask')}: ${task.title}`}
                        onClick={() => setTasks(tasks.filter((_, at) => at !== index))}
                      >
                        {t('common.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {mayChange && !locked && (
        <button
          type="button"
          className={slots.ui('button')}
          onClick={() =>
            setTasks([...tasks, { id: newId('task'), title: t('capa.newTaskTitle'), done: false }])
          }
        >
          {t('capa.addTask')}
        </button>
      )}
      {mayChange && (
        <SaveBar
          recordType={type}
          record={record}
          changes={{ tasks }}
          dirty={dirty}
          onErrors={(issues) =>
            setErrors(Object.fromEntries(issues.map((issue) => [issue.pointer, issue.detail])))
          }
        />
      )}

      {(locked || (record.extensionRequests?.length ?? 0) > 0) && (
        <section className={slots('extensions')} aria-labelledby={`${id}-extensions`}>
          <h4 id={`${id}-extensions`} className={slots.ui('heading')}>
            {t('capa.extensions')}
          </h4>
          {(record.extensionRequests ?? []).length === 0 ? (
            <p className={slots.ui('hint')}>{t('capa.noExtensions')}</p>
          ) : (
            <ul>
              {(record.extensionRequests ?? []).map((request) => (
                <li key={request.id} data-status={request.status}>
                  {request.taskId === undefined
                    ? t('capa.extensionCapaDue')
                    : (tasks.find((task) => task.id === request.taskId)?.title ?? request.taskId)}
                  {' → '}
                  <FieldValue recordType={type} field="dueAt" value={request.newDueAt} />
                  {` · ${labels.value(request.status)} · ${request.reason}`}
                  {request.requestedBy && ` · ${userName(request.requestedBy)}`}
                </li>
              ))}
            </ul>
          )}
          {locked && mayRequest && (
            <form
              className={slots('extensionForm')}
              onSubmit={(event) => void requestExtension(event)}
              aria-label={t('capa.requestExtension')}
            >
              <div className={slots.ui('field')}>
                <label className={slots.ui('label')} htmlFor={`${id}-ext-task`}>
                  {t('capa.extensionTask')}
                </label>
                <select
                  id={`${id}-ext-task`}
                  className={slots.ui('select')}
                  value={extension.taskId}
                  onChange={(event) => setExtension({ ...extension, taskId: event.target.value })}
                >
                  <option value="">{t('form.choose')}</option>
                  <option value={CAPA_DUE}>{t('capa.extensionCapaDue')}</option>
                  {tasks
                    .filter((task) => !task.done)
                    .map((task) => (
                      <option key={task.id} value={task.id}>
                        {task.title}
                      </option>
                    ))}
                </select>
              </div>
              <div className={slots.ui('field')}>
                <label className={slots.ui('label')} htmlFor={`${id}-ext-due`}>
                  {t('capa.extensionNewDue')}
                </label>
                <input
                  id={`${id}-ext-due`}
                  className={slots.ui('input')}
                  type="datetime-local"
                  value={extension.newDueAt}
                  onChange={(event) => setExtension({ ...extension, newDueAt: event.target.value })}
                />
              </div>
              <div className={slots.ui('field')}>
                <label className={slots.ui('label')} htmlFor={`${id}-ext-reason`}>
                  {t('capa.extensionReason')}
                </label>
                <textarea
                  id={`${id}-ext-reason`}
                  className={slots.ui('textarea')}
                  rows={2}
                  value={extension.reason}
                  onChange={(event) => setExtension({ ...extension, reason: event.target.value })}
                />
              </div>
              {errors.extension && (
                <p className={slots.ui('error')} role="alert">
                  {errors.extension}
                </p>
              )}
              <button type="submit" className={slots.ui('button')} disabled={transition.isPending}>
                {t('capa.extensionSubmit')}
              </button>
            </form>
          )}
        </section>
      )}

      {(record.effectivenessCriteria || record.effectivenessResult) && (
        <section className={slots('effectiveness')} aria-labelledby={`${id}-effectiveness`}>
          <h4 id={`${id}-effectiveness`} className={slots.ui('heading')}>
            {t('capa.effectiveness')}
          </h4>
          <dl>
            {(['effectivenessCriteria', 'effectivenessResult', 'effectivenessEvidence'] as const).map(
              (field) => (
                <div key={field}>
                  <dt>{labels.field(type.name, field)}</dt>
                  <dd>
                    <FieldValue recordType={type} field={field} value={record[field]} />
                  </dd>
                </div>
              ),
            )}
          </dl>
        </section>
      )}
    </Root>
  );
}
