import { and, assign, not, setup } from 'xstate';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import { sharedGuards } from '../record-type/lifecycleGuards';
import type { TransitionMeta } from '../record-type/transitionMeta';
import { type Deviation, deviationRequiredFields } from './schema';

/**
 * The lifecycle's event names, as XState v5 wants them declared. The permission matrix must
 * grant each (compile time) and a test keeps them equal to the transitions the machine has.
 */
export type DeviationEventType =
  | 'SUBMIT'
  | 'SUBMIT_ASSESSMENT'
  | 'APPROVE'
  | 'REJECT'
  | 'SUBMIT_INVESTIGATION'
  | 'APPROVE_FINAL'
  | 'REJECT_FINAL'
  | 'REQUEST_CANCELLATION'
  | 'APPROVE_CANCELLATION'
  | 'REJECT_CANCELLATION';

const approval: TransitionMeta = { signature: 'approval' };

const openStates = [
  'draft',
  'in_assessment',
  'in_approval',
  'in_investigation',
  'in_final_approval',
] as const;

const cancellation = (state: string) => ({
  REQUEST_CANCELLATION: {
    target: 'pending_cancellation',
    actions: { type: 'rememberState' as const, params: { state } },
    meta: { reason: true } satisfies TransitionMeta,
  },
});

/**
 * Deviation lifecycle. Approval routes by severity: a minor deviation closes, a major or
 * critical one goes to investigation. The owner may not sign any approval.
 */
export const deviationMachine = setup({
  types: {
    context: {} as Deviation,
    events: {} as LifecycleEvent & { type: DeviationEventType },
    input: {} as Deviation,
  },
  guards: {
    ...sharedGuards<Deviation>(deviationRequiredFields),
    isMinor: ({ context }) => context.severity === 'minor',
  },
  actions: {
    rememberState: assign((_, params: { state: string }) => ({ stateBeforeCancellation: params.state })),
    forgetState: assign({ stateBeforeCancellation: null }),
  },
}).createMachine({
  id: 'deviation',
  initial: 'draft',
  context: ({ input }) => input,
  states: {
    draft: {
      tags: ['editable'],
      on: {
        SUBMIT: {
          target: 'in_assessment',
          guard: { type: 'fieldsReadyFor', params: { state: 'in_assessment' } },
        },
        ...cancellation('draft'),
      },
    },
    in_assessment: {
      tags: ['editable', 'assessment'],
      on: {
        SUBMIT_ASSESSMENT: {
          target: 'in_approval',
          guard: { type: 'fieldsReadyFor', params: { state: 'in_approval' } },
        },
        ...cancellation('in_assessment'),
      },
    },
    in_approval: {
      tags: ['approval'],
      on: {
        APPROVE: [
          { target: 'closed', guard: and(['actorIsIndependent', 'isMinor']), meta: approval },
          { target: 'in_investigation', guard: and(['actorIsIndependent', not('isMinor')]), meta: approval },
        ],
        REJECT: {
          target: 'in_assessment',
          guard: { type: 'fieldsReadyFor', params: { state: 'in_assessment' } },
          meta: { reason: true } satisfies TransitionMeta,
        },
        ...cancellation('in_approval'),
      },
    },
    in_investigation: {
      tags: ['editable', 'investigation'],
      on: {
        SUBMIT_INVESTIGATION: {
          target: 'in_final_approval',
          guard: { type: 'fieldsReadyFor', params: { state: 'in_final_approval' } },
          meta: { requires: 'Root cause, impact assessment, and linked CAPAs or a rationale for none.' },
        },
        ...cancellation('in_investigation'),
      },
    },
    in_final_approval: {
      tags: ['approval', 'investigation'],
      on: {
        APPROVE_FINAL: { target: 'closed', guard: 'actorIsIndependent', meta: approval },
        REJECT_FINAL: { target: 'in_investigation', meta: { reason: true } satisfies TransitionMeta },
        ...cancellation('in_final_approval'),
      },
    },
    pending_cancellation: {
      tags: ['approval'],
      on: {
        APPROVE_CANCELLATION: {
          target: 'cancelled',
          guard: 'actorIsIndependent',
          actions: 'forgetState',
          meta: approval,
        },
        REJECT_CANCELLATION: openStates.map((state) => ({
          target: state,
          // Fields may have been edited meanwhile: the state returned to must still be satisfied.
          guard: and([
            { type: 'returnsTo' as const, params: { state } },
            { type: 'fieldsReadyFor' as const, params: { state } },
          ]),
          actions: 'forgetState' as const,
        })),
      },
    },
    closed: { type: 'final', tags: ['done'] },
    cancelled: { type: 'final', tags: ['void'] },
  },
});
