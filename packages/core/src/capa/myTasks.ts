import * as z from 'zod/mini';
import { linkedRecordSchema } from '../links/linkSchemas';

/** An open task of a CAPA, as its owner's "my tasks" list shows it: the task and its CAPA. */
export const myCapaTaskSchema = z.object({
  capa: linkedRecordSchema,
  task: z.object({
    id: z.string(),
    title: z.string(),
    dueAt: z.optional(z.iso.datetime()),
  }),
  /** Whether the task's due date has passed, at the server's clock. */
  overdue: z.boolean(),
});
export type MyCapaTask = z.infer<typeof myCapaTaskSchema>;

/** The tasks of `ownerId` not yet done, of CAPAs not finished, soonest due first (undated last). */
export function openTasksOf<
  TCapa extends {
    id: string;
    number: string;
    title?: string | undefined;
    state: string;
    tasks?:
      | readonly {
          id: string;
          title: string;
          ownerId?: string | undefined;
          dueAt?: string | undefined;
          done: boolean;
        }[]
      | undefined;
  },
>(capas: readonly TCapa[], ownerId: string, now: string): MyCapaTask[] {
  const at = Date.parse(now);
  const found: MyCapaTask[] = [];
  for (const capa of capas) {
    for (const task of capa.tasks ?? []) {
      if (task.done || task.ownerId !== ownerId) continue;
      found.push({
        capa: {
          type: 'capa',
          id: capa.id,
          number: capa.number,
          title: capa.title ?? null,
          state: capa.state,
        },
        task: { id: task.id, title: task.title, ...(task.dueAt ? { dueAt: task.dueAt } : {}) },
        overdue: task.dueAt !== undefined && Date.parse(task.dueAt) < at,
      });
    }
  }
  const due = (task: MyCapaTask) =>
    task.task.dueAt ? Date.parse(task.task.dueAt) : Number.POSITIVE_INFINITY;
  return found.sort((a, b) => due(a) - due(b) || a.capa.number.localeCompare(b.capa.number));
}

/**
 * The task owners a change of a CAPA's plan newly assigns: each task whose owner is set and
 * differs from the owner it had before (a new task, or one handed to someone else). The
 * person making the change is not told of their own assignment.
 */
export function newlyAssignedTasks(
  before: {
    tasks?: readonly { id: string; ownerId?: string | undefined; done: boolean }[] | undefined;
  } | null,
  after: {
    tasks?: readonly { id: string; title: string; ownerId?: string | undefined; done: boolean }[] | undefined;
  },
  actorId: string,
): { taskId: string; title: string; ownerId: string }[] {
  const previous = new Map((before?.tasks ?? []).map((task) => [task.id, task.ownerId]));
  return (after.tasks ?? [])
    .filter(
      (task) =>
        !task.done && task.ownerId && task.ownerId !== actorId && previous.get(task.id) !== task.ownerId,
    )
    .map((task) => ({ taskId: task.id, title: task.title, ownerId: task.ownerId as string }));
}
