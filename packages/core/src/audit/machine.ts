import { and, setup } from 'xstate';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import { sharedGuards } from '../record-type/lifecycleGuards';
import type { TransitionMeta } from '../record-type/transitionMeta';
import { type Audit, auditRequiredFields } from './schema';

/**
 * The lifecycle's event names, as XState v5 wants them declared. The permission matrix must
 * grant each (compile time) and a test keeps them equal to the transitions the machine has.
 */
export type AuditEventType = 'START' | 'COMPLETE_FIELDWORK' | 'ISSUE_REPORT' | 'CANCEL';

const readyFor = (state: keyof typeof auditRequiredFields) => ({
  type: 'fieldsReadyFor' as const,
  params: { state },
});

/**
 * Audit lifecycle. The report is issued only when every finding is closed: the server
 * counts the audit's open findings into the event (`related.finding`).
 */
export const auditMachine = setup({
  types: {
    context: {} as Audit,
    events: {} as LifecycleEvent & { type: AuditEventType },
    input: {} as Audit,
  },
  guards: sharedGuards<Audit>(auditRequiredFields),
}).createMachine({
  id: 'audit',
  initial: 'planned',
  context: ({ input }) => input,
  states: {
    planned: {
      tags: ['editable'],
      on: {
        START: { target: 'in_progress', guard: readyFor('in_progress') },
        CANCEL: { target: 'cancelled', meta: { reason: true } satisfies TransitionMeta },
      },
    },
    in_progress: {
      tags: ['editable'],
      on: {
        COMPLETE_FIELDWORK: { target: 'reporting', guard: readyFor('reporting') },
      },
    },
    reporting: {
      tags: ['editable'],
      on: {
        ISSUE_REPORT: {
          target: 'closed',
          guard: and([
            'actorIsIndependent',
            readyFor('closed'),
            { type: 'relatedAllClosed', params: { type: 'finding' } },
          ]),
          meta: {
            signature: 'approval',
            requires: 'Every finding of the audit closed.',
          } satisfies TransitionMeta,
        },
      },
    },
    closed: { type: 'final', tags: ['done'] },
    cancelled: { type: 'final', tags: ['void'] },
  },
});
