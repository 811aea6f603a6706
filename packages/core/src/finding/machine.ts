import { and, setup } from 'xstate';
import type * as z from 'zod/mini';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import { sharedGuards } from '../record-type/lifecycleGuards';
import type { RecordBase } from '../record-type/recordBase';
import type { TransitionMeta } from '../record-type/transitionMeta';
import { type findingFields, findingRequiredFields } from './schema';

type Finding = RecordBase & z.infer<z.ZodMiniObject<typeof findingFields>>;

const readyFor = (state: keyof typeof findingRequiredFields) => ({
  type: 'fieldsReadyFor' as const,
  params: { state },
});

/** Finding lifecycle: the auditee responds, the auditor verifies or sends the response back. */
export const findingMachine = setup({
  types: { context: {} as Finding, events: {} as LifecycleEvent, input: {} as Finding },
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
