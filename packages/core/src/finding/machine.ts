import { and, setup } from 'xstate';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import { sharedGuards } from '../record-type/lifecycleGuards';
import type { TransitionMeta } from '../record-type/transitionMeta';
import { type Finding, findingRequiredFields } from './schema';

/**
 * The lifecycle's event names, as XState v5 wants them declared. The permission matrix must
 * grant each (compile time) and a test keeps them equal to the transitions the machine has.
 */
export type FindingEventType = 'SUBMIT_RESPONSE' | 'VERIFY' | 'REJECT_RESPONSE';

const readyFor = (state: keyof typeof findingRequiredFields) => ({
  type: 'fieldsReadyFor' as const,
  params: { state },
});

/** Finding lifecycle: the auditee responds, the auditor verifies or sends the response back. */
export const findingMachine = setup({
  types: {
    context: {} as Finding,
    events: {} as LifecycleEvent & { type: FindingEventType },
    input: {} as Finding,
  },
  guards: sharedGuards<Finding>(findingRequiredFields),
}).createMachine({
  id: 'finding',
  initial: 'open',
  context: ({ input }) => input,
  states: {
    open: {
      tags: ['editable'],
      on: {
        SUBMIT_RESPONSE: {
          target: 'response_submitted',
          guard: readyFor('response_submitted'),
          meta: {
            requires: 'A response, and a linked CAPA or the rationale for none.',
          } satisfies TransitionMeta,
        },
      },
    },
    response_submitted: {
      tags: ['approval'],
      on: {
        VERIFY: {
          target: 'closed',
          guard: and(['actorIsNotOwner', readyFor('closed')]),
          meta: { signature: 'verification' } satisfies TransitionMeta,
        },
        REJECT_RESPONSE: { target: 'open', meta: { reason: true } satisfies TransitionMeta },
      },
    },
    closed: { type: 'final', tags: ['done'] },
  },
});
