import { and, assign, setup } from 'xstate';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import { sharedGuards } from '../record-type/lifecycleGuards';
import type { TransitionMeta } from '../record-type/transitionMeta';
import { type Capa, capaRequiredFields, type effectivenessResults } from './schema';

/**
 * The lifecycle's event names, as XState v5 wants them declared. The permission matrix must
 * grant each (compile time) and a test keeps them equal to the transitions the machine has.
 */
export type CapaEventType =
  | 'SUBMIT_PLAN'
  | 'APPROVE_PLAN'
  | 'REJECT_PLAN'
  | 'COMPLETE_IMPLEMENTATION'
  | 'CONFIRM_EFFECTIVE'
  | 'REPORT_NOT_EFFECTIVE'
  | 'CANCEL';

const readyFor = (state: keyof typeof capaRequiredFields) => ({
  type: 'fieldsReadyFor' as const,
  params: { state },
});

const cancel = {
  CANCEL: {
    target: 'cancelled',
    guard: 'actorIsIndependent',
    meta: { signature: 'approval', reason: true } satisfies TransitionMeta,
  },
} as const;

/**
 * CAPA lifecycle. The verdict on effectiveness is two events, not one with two branches:
 * confirming it is signed (verification), reporting it failed needs a reason, and the
 * action bar must know which of the two it asks for before the user acts.
 */
export const capaMachine = setup({
  types: { context: {} as Capa, events: {} as LifecycleEvent & { type: CapaEventType }, input: {} as Capa },
  guards: {
    ...sharedGuards<Capa>(capaRequiredFields),
    effectivenessIs: ({ context }, params: { result: (typeof effectivenessResults)[number] }) =>
      context.effectivenessResult === params.result,
  },
  actions: {
    // The verdict belongs to one check; the next check after more work must record its own.
    clearEffectivenessResult: assign({ effectivenessResult: undefined }),
  },
}).createMachine({
  id: 'capa',
  initial: 'draft',
  context: ({ input }) => input,
  states: {
    draft: {
      tags: ['editable'],
      on: {
        SUBMIT_PLAN: { target: 'plan_approval', guard: readyFor('plan_approval') },
        ...cancel,
      },
    },
    plan_approval: {
      tags: ['approval'],
      on: {
        APPROVE_PLAN: {
          target: 'implementation',
          guard: and(['actorIsIndependent', readyFor('implementation')]),
          meta: { signature: 'approval' } satisfies TransitionMeta,
        },
        REJECT_PLAN: { target: 'draft', meta: { reason: true } satisfies TransitionMeta },
        ...cancel,
      },
    },
    implementation: {
      tags: ['editable'],
      on: {
        COMPLETE_IMPLEMENTATION: {
          target: 'effectiveness_check',
          guard: readyFor('effectiveness_check'),
          meta: { requires: 'At least one task, and every task done.' } satisfies TransitionMeta,
        },
        ...cancel,
      },
    },
    effectiveness_check: {
      tags: ['approval'],
      on: {
        CONFIRM_EFFECTIVE: {
          target: 'closed',
          guard: and(['actorIsNotOwner', readyFor('closed')]),
          meta: { signature: 'verification' } satisfies TransitionMeta,
        },
        REPORT_NOT_EFFECTIVE: {
          target: 'implementation',
          guard: and([
            { type: 'effectivenessIs', params: { result: 'not_effective' as const } },
            readyFor('implementation'),
          ]),
          actions: 'clearEffectivenessResult',
          meta: {
            reason: true,
            requires: 'Record the effectiveness result as not effective first.',
          } satisfies TransitionMeta,
        },
        ...cancel,
      },
    },
    closed: { type: 'final', tags: ['done'] },
    cancelled: { type: 'final', tags: ['void'] },
  },
});
