import type * as z from 'zod/mini';
import type { FieldIssue } from '../record-type/fieldIssues';
import type { RecordBase } from '../record-type/recordBase';
import type { capaFields, capaTaskSchema } from './schema';

type CapaFields = z.infer<z.ZodMiniObject<typeof capaFields>>;
type CapaTask = z.infer<typeof capaTaskSchema>;

/** States in which the plan stands approved, so its tasks and due dates are locked. */
export const capaPlanLockedStates: readonly string[] = [
  'implementation',
  'effectiveness_check',
  'closed',
  'cancelled',
];

const lockedDueDate =
  'The due date is locked since the plan was approved; it moves only through an approved extension request.';

/** Two due dates name the same instant (a form may write `…:00Z` for a stored `…:00.000Z`). */
function sameDueDate(a: string | undefined, b: string | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b));
}

function taskIssues(before: readonly CapaTask[], after: readonly CapaTask[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const afterIds = new Set(after.map((task) => task.id));
  for (const task of before) {
    if (!afterIds.has(task.id)) {
      issues.push({
        pointer: '/tasks',
        detail: `Task ${task.id} may not be removed once the plan is approved.`,
      });
    }
  }
  after.forEach((task, index) => {
    const earlier = before.find((candidate) => candidate.id === task.id);
    if (earlier && !sameDueDate(earlier.dueAt, task.dueAt)) {
      issues.push({ pointer: `/tasks/${index}/dueAt`, detail: lockedDueDate });
    }
  });
  return issues;
}

/**
 * Rules on a change to a CAPA that depend on its state: once the plan is approved, tasks stay
 * and no change moves a due date, the CAPA's own or a task's; only the lifecycle's
 * APPROVE_EXTENSION does. Extension requests themselves are lifecycle steps, never a change.
 */
export function validateCapaChange(
  before: RecordBase & CapaFields,
  changes: Partial<CapaFields>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (changes.extensionRequests !== undefined) {
    issues.push({
      pointer: '/extensionRequests',
      detail: 'Extension requests are requested, approved and refused as lifecycle steps.',
    });
  }
  if (!capaPlanLockedStates.includes(before.state)) return issues;
  if ('dueAt' in changes && !sameDueDate(changes.dueAt, before.dueAt)) {
    issues.push({ pointer: '/dueAt', detail: lockedDueDate });
  }
  if (changes.tasks) issues.push(...taskIssues(before.tasks ?? [], changes.tasks));
  return issues;
}
