/** A CAPA's extension requests as lifecycle steps: requested, then approved (signed) or refused. */
import type * as z from 'zod/mini';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import type { ApprovalChain } from '../record-type/lifecycleGuards';
import type { Capa, extensionRequestDataSchema, extensionRequestSchema } from './schema';

export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;
export type ExtensionRequestData = z.infer<typeof extensionRequestDataSchema>;

type CapaDueDates = Pick<Capa, 'dueAt' | 'tasks' | 'extensionRequests'>;

/** The request awaiting a decision, if any; a CAPA has at most one at a time. */
export function capaPendingExtension(capa: Pick<Capa, 'extensionRequests'>): ExtensionRequest | undefined {
  return capa.extensionRequests?.find((request) => request.status === 'pending');
}

/** The due date a request would move, as it stands: the task's, or the CAPA's own. */
function currentDueAt(capa: CapaDueDates, taskId: string | undefined): string | undefined {
  if (taskId === undefined) return capa.dueAt;
  return capa.tasks?.find((task) => task.id === taskId)?.dueAt;
}

/**
 * Whether the data asks for an extension the CAPA can consider: a date later than the current
 * due date, of the CAPA itself or of a task not yet done.
 */
export function extendsOpenDueDate(capa: CapaDueDates, data: ExtensionRequestData | undefined): boolean {
  if (!data) return false;
  const task = data.taskId === undefined ? undefined : capa.tasks?.find((each) => each.id === data.taskId);
  if (data.taskId !== undefined && (!task || task.done)) return false;
  const current = currentDueAt(capa, data.taskId);
  return current !== undefined && Date.parse(data.newDueAt) > Date.parse(current);
}

/** The CAPA with a new pending request, as REQUEST_EXTENSION records it (its data already parsed). */
export function withExtensionRequested(capa: CapaDueDates, event: LifecycleEvent): Partial<Capa> {
  const data = event.data as ExtensionRequestData;
  const requests = capa.extensionRequests ?? [];
  const request: ExtensionRequest = {
    // The machine is pure, so the id is the request's place in the CAPA's list: stable and unique.
    id: `ext-${requests.length + 1}`,
    taskId: data.taskId,
    newDueAt: data.newDueAt,
    previousDueAt: currentDueAt(capa, data.taskId),
    reason: event.reason?.trim() ?? '',
    status: 'pending',
    requestedBy: event.actorId,
    requestedAt: event.at,
  };
  return { extensionRequests: [...requests, request] };
}

function decided(
  capa: CapaDueDates,
  event: LifecycleEvent,
  status: 'approved' | 'rejected',
): ExtensionRequest[] {
  return (capa.extensionRequests ?? []).map((request) =>
    request.status === 'pending'
      ? {
          ...request,
          status,
          decidedBy: event.actorId,
          decidedAt: event.at,
          decisionReason: status === 'rejected' ? event.reason?.trim() : undefined,
        }
      : request,
  );
}

/** The CAPA after APPROVE_EXTENSION: the request approved, and its due date moved. */
export function withExtensionApproved(capa: CapaDueDates, event: LifecycleEvent): Partial<Capa> {
  const pending = capaPendingExtension(capa);
  if (!pending) return {};
  const extensionRequests = decided(capa, event, 'approved');
  if (pending.taskId === undefined) return { extensionRequests, dueAt: pending.newDueAt };
  const tasks = (capa.tasks ?? []).map((task) =>
    task.id === pending.taskId ? { ...task, dueAt: pending.newDueAt } : task,
  );
  return { extensionRequests, tasks };
}

/** The CAPA after REFUSE_EXTENSION: the request refused, its due date unmoved. */
export function withExtensionRefused(capa: CapaDueDates, event: LifecycleEvent): Partial<Capa> {
  return { extensionRequests: decided(capa, event, 'rejected') };
}

/** The role a CAPA's approval chain knows. */
export type CapaChainRole = 'requester';

/**
 * Who requested the pending extension: the one person who may neither approve nor refuse it.
 *
 * @example
 * capaApprovalChain(capa); // { subject: 'the extension request of CAPA-2026-0007', holders: { requester: 'user-ivan' } }
 */
export function capaApprovalChain(
  capa: Pick<Capa, 'number' | 'extensionRequests'>,
): ApprovalChain<CapaChainRole> {
  return {
    subject: `the extension request of ${capa.number}`,
    holders: { requester: capaPendingExtension(capa)?.requestedBy },
  };
}
