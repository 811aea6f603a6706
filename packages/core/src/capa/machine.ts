import { and, assign, setup } from 'xstate';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import { actorHoldsNoRoleIn, sharedGuards } from '../record-type/lifecycleGuards';
import type { TransitionMeta } from '../record-type/transitionMeta';
import {
  type CapaChainRole,
  capaApprovalChain,
  capaPendingExtension,
  type ExtensionRequestData,
  extendsOpenDueDate,
  withExtensionApproved,
  withExtensionRefused,
  withExtensionRequested,
} from './extensionRequests';
import {
  type Capa,
  capaRequiredFields,
  type effectivenessResults,
  extensionRequestDataSchema,
} from './schema';

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
  | 'REQUEST_EXTENSION'
  | 'APPROVE_EXTENSION'
  | 'REFUSE_EXTENSION'
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

const holdsNoRole = (...roles: CapaChainRole[]) => ({ type: 'actorHoldsNoRole' as const, params: { roles } });

/**
 * Extension requests, while the plan is approved and its due dates locked. Each is a move that
 * keeps the CAPA where it is (no target): requested with a reason and the new date, then
 * approved with a signature or refused with a reason, by someone other than the requester.
 * Only an approval moves the due date.
 */
const extensionMoves = {
  REQUEST_EXTENSION: {
    guard: and(['noExtensionPending', 'extendsOpenDueDate']),
    actions: 'recordExtensionRequest',
    meta: {
      reason: true,
      data: extensionRequestDataSchema,
      requires:
        'No other extension request pending, and a new due date later than the current one, of the CAPA or of a task not done.',
    } satisfies TransitionMeta,
  },
  APPROVE_EXTENSION: {
    guard: and(['extensionPending', 'actorIsIndependent', holdsNoRole('requester')]),
    actions: 'approveExtension',
    meta: { signature: 'approval', requires: 'An extension request pending.' } satisfies TransitionMeta,
  },
  REFUSE_EXTENSION: {
    guard: and(['extensionPending', holdsNoRole('requester')]),
    actions: 'refuseExtension',
    meta: { reason: true, requires: 'An extension request pending.' } satisfies TransitionMeta,
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
    actorHoldsNoRole: actorHoldsNoRoleIn(capaApprovalChain),
    extensionPending: ({ context }) => capaPendingExtension(context) !== undefined,
    noExtensionPending: ({ context }) => capaPendingExtension(context) === undefined,
    // `evaluateTransition` parsed the data by the move's declared shape before any guard runs.
    extendsOpenDueDate: ({ context, event }) =>
      extendsOpenDueDate(context, event.data as ExtensionRequestData | undefined),
  },
  actions: {
    recordExtensionRequest: assign(({ context, event }) => withExtensionRequested(context, event)),
    approveExtension: assign(({ context, event }) => withExtensionApproved(context, event)),
    refuseExtension: assign(({ context, event }) => withExtensionRefused(context, event)),
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
        ...extensionMoves,
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
        ...extensionMoves,
        ...cancel,
      },
    },
    closed: { type: 'final', tags: ['done'] },
    cancelled: { type: 'final', tags: ['void'] },
  },
});
