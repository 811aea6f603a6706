import type * as z from 'zod/mini';
import type { FieldIssue } from '../record-type/fieldIssues';
import type { RecordBase } from '../record-type/recordBase';
import type { capaFields, capaTaskSchema, extensionRequestSchema } from './schema';

type CapaFields = z.infer<z.ZodMiniObject<typeof capaFields>>;
type CapaTask = z.infer<typeof capaTaskSchema>;
type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

/** States in which the plan stands approved, so its tasks and due dates are locked. */
export const capaPlanLockedStates: readonly string[] = [
  'implementation',
  'effectiveness_check',
  'closed',
  'cancelled',
];

function sameRequest(a: ExtensionRequest, b: ExtensionRequest): boolean {
  return a.taskId === b.taskId && a.newDueAt === b.newDueAt && a.reason === b.reason && a.status === b.status;
}

/** Extension requests are the audit path of a due date: new ones start pending, decided ones stay as decided. */
function extensionRequestIssues(
  before: readonly ExtensionRequest[],
  after: readonly ExtensionRequest[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const afterIds = new Set(after.map((request) => request.id));
  for (const request of before) {
    if (!afterIds.has(request.id)) {
      issues.push({
        pointer: '/extensionRequests',
        detail: `Extension request ${request.id} may not be removed.`,
      });
    }
  }
  after.forEach((request, index) => {
    const earlier = before.find((candidate) => candidate.id === request.id);
    if (!earlier && request.status !== 'pending') {
      issues.push({
        pointer: `/extensionRequests/${index}/status`,
        detail: 'A new extension request starts pending.',
      });
    } else if (earlier && earlier.status !== 'pending' && !sameRequest(earlier, request)) {
      issues.push({
        pointer: `/extensionRequests/${index}`,
        detail: `Extension request ${request.id} is decided and may not change.`,
      });
    } else if (earlier && (earlier.taskId !== request.taskId || earlier.newDueAt !== request.newDueAt)) {
      issues.push({
        pointer: `/extensionRequests/${index}`,
        detail: 'Raise a new extension request to ask for another date.',
      });
    }
  });
  return issues;
}

function taskIssues(
  before: readonly CapaTask[],
  after: readonly CapaTask[],
  approved: readonly ExtensionRequest[],
): FieldIssue[] {
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
    if (!earlier || earlier.dueAt === task.dueAt) return;
    const extended = approved.some(
      (request) => request.taskId === task.id && request.newDueAt === task.dueAt,
    );
    if (!extended) {
      issues.push({
        pointer: `/tasks/${index}/dueAt`,
        detail:
          'The due date is locked since the plan was approved; it moves only through an approved extension request.',
      });
    }
  });
  return issues;
}

/**
 * Rules on a change to a CAPA that depend on its state: once the plan is approved, tasks
 * stay and their due dates move only to the date of an approved extension request.
 * Extension requests start pending and, once decided, do not change.
 */
export function validateCapaChange(
  before: RecordBase & CapaFields,
  changes: Partial<CapaFields>,
): FieldIssue[] {
  const requestsBefore = before.extensionRequests ?? [];
  const requestsAfter = changes.extensionRequests ?? requestsBefore;
  const issues = changes.extensionRequests ? extensionRequestIssues(requestsBefore, requestsAfter) : [];
  if (!capaPlanLockedStates.includes(before.state) || !changes.tasks) return issues;
  // Only a request raised earlier can be approved; one that arrives approved backs nothing.
  const raisedEarlier = new Set(requestsBefore.map((request) => request.id));
  const approved = requestsAfter.filter(
    (request) => request.status === 'approved' && raisedEarlier.has(request.id),
  );
  return [...issues, ...taskIssues(before.tasks ?? [], changes.tasks, approved)];
}
