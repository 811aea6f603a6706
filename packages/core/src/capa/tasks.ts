import { capaTasksDoneSchema } from './schema';

interface WithTasks {
  tasks?: readonly { done: boolean }[] | undefined;
}

/**
 * Whether a CAPA's implementation is finished: at least one task, every task done.
 * Asks the same schema the lifecycle checks on entering `effectiveness_check`.
 *
 * @example
 * capaTasksAllDone({ tasks: [{ done: true }, { done: false }] }); // false
 */
export function capaTasksAllDone(capa: WithTasks): boolean {
  return capaTasksDoneSchema.safeParse(capa).success;
}

/** Tasks not done whose due date has passed at `now` (ISO 8601), for escalation. */
export function capaOverdueTasks<TTask extends { done: boolean; dueAt?: string | undefined }>(
  capa: { tasks?: readonly TTask[] | undefined },
  now: string,
): TTask[] {
  const at = Date.parse(now);
  return (capa.tasks ?? []).filter(
    (task) => !task.done && task.dueAt !== undefined && Date.parse(task.dueAt) < at,
  );
}
