import { and, assign, setup } from 'xstate';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import { actorHoldsNoRoleIn, sharedGuards } from '../record-type/lifecycleGuards';
import type { TransitionMeta } from '../record-type/transitionMeta';
import { type DocumentChainRole, documentApprovalChain } from './approvalChain';
import { isPeriodicReviewOpen, nextReviewDue } from './periodicReview';
import { type ControlledDocument, documentRequiredFields } from './schema';
import { nextMajorVersion, nextMinorVersion, versionLabelOf } from './versionLabel';

/**
 * The lifecycle's event names, as XState v5 wants them declared. The permission matrix must
 * grant each (compile time) and a test keeps them equal to the transitions the machine has.
 */
export type ControlledDocumentEventType =
  | 'SUBMIT_FOR_REVIEW'
  | 'COMPLETE_REVIEW'
  | 'REQUEST_CHANGES'
  | 'APPROVE'
  | 'RETIRE'
  | 'BECOME_EFFECTIVE'
  | 'CONFIRM_PERIODIC_REVIEW'
  | 'SUPERSEDE';

const readyFor = (state: keyof typeof documentRequiredFields) => ({
  type: 'fieldsReadyFor' as const,
  params: { state },
});

/** Segregation of duties within one version: its author, reviewer and approver are three people. */
const holdsNoRole = (...roles: DocumentChainRole[]) => ({
  type: 'actorHoldsNoRole' as const,
  params: { roles },
});

const requestChanges = {
  REQUEST_CHANGES: {
    target: 'draft',
    // The next version is a new chain: whoever submits it is its author, and it is reviewed afresh.
    actions: ['bumpMinorVersion', 'startNewChain'],
    meta: { reason: true } satisfies TransitionMeta,
  },
} as const;

const retire = {
  RETIRE: {
    target: 'obsolete',
    guard: 'actorIsIndependent',
    meta: { signature: 'approval', reason: true } satisfies TransitionMeta,
  },
} as const;

/**
 * Controlled-document lifecycle. Versions count up in the machine: requested changes give
 * the next minor version, approval the next major. Becoming effective and being superseded
 * are taken by the scheduler (`system`), on the effective date. The machine remembers who
 * authored (submitted) and who reviewed the version, and refuses a review by its author and
 * an approval by either of them.
 */
export const documentMachine = setup({
  types: {
    context: {} as ControlledDocument,
    events: {} as LifecycleEvent & { type: ControlledDocumentEventType },
    input: {} as ControlledDocument,
  },
  guards: {
    ...sharedGuards<ControlledDocument>(documentRequiredFields),
    actorHoldsNoRole: actorHoldsNoRoleIn(documentApprovalChain),
    // Without the server's clock on the event the date cannot be known to have come.
    effectiveDateReached: ({ context, event }) =>
      !!context.effectiveDate && !!event.at && Date.parse(context.effectiveDate) <= Date.parse(event.at),
    // The periodic review is the owner's: they answer for the document staying fit for use.
    actorIsOwner: ({ context, event }) => event.actorId === context.ownerId,
    periodicReviewOpen: ({ context, event }) => isPeriodicReviewOpen(context, event.at),
  },
  actions: {
    recordAuthor: assign(({ event }) => ({ authoredBy: event.actorId, reviewedBy: undefined })),
    recordReviewer: assign(({ event }) => ({ reviewedBy: event.actorId })),
    startNewChain: assign({ authoredBy: undefined, reviewedBy: undefined }),
    bumpMinorVersion: assign(({ context }) => ({ versionLabel: nextMinorVersion(versionLabelOf(context)) })),
    setMajorVersion: assign(({ context }) => ({ versionLabel: nextMajorVersion(versionLabelOf(context)) })),
    scheduleReview: assign(({ context }) =>
      context.effectiveDate && context.reviewIntervalMonths
        ? { nextReviewDue: nextReviewDue(context.effectiveDate, context.reviewIntervalMonths) }
        : {},
    ),
    // The next review counts from the day this one was recorded, not from the old due date.
    recordPeriodicReview: assign(({ context, event }) => {
      const reviewedOn = (event.at as string).slice(0, 10);
      return {
        lastPeriodicReviewOn: reviewedOn,
        nextReviewDue: nextReviewDue(reviewedOn, context.reviewIntervalMonths ?? 24),
      };
    }),
  },
}).createMachine({
  id: 'document',
  initial: 'draft',
  context: ({ input }) => input,
  states: {
    draft: {
      tags: ['editable'],
      on: {
        SUBMIT_FOR_REVIEW: { target: 'in_review', guard: readyFor('in_review'), actions: 'recordAuthor' },
      },
    },
    in_review: {
      tags: ['approval'],
      on: {
        COMPLETE_REVIEW: {
          target: 'in_approval',
          guard: and([holdsNoRole('author'), readyFor('in_approval')]),
          actions: 'recordReviewer',
          meta: { signature: 'review' } satisfies TransitionMeta,
        },
        ...requestChanges,
      },
    },
    in_approval: {
      tags: ['approval'],
      on: {
        APPROVE: {
          target: 'approved',
          guard: and(['actorIsIndependent', holdsNoRole('author', 'reviewer'), readyFor('approved')]),
          actions: 'setMajorVersion',
          meta: { signature: 'approval' } satisfies TransitionMeta,
        },
        ...requestChanges,
      },
    },
    approved: {
      tags: ['done'],
      on: {
        BECOME_EFFECTIVE: {
          target: 'effective',
          guard: and(['effectiveDateReached', readyFor('effective')]),
          actions: 'scheduleReview',
          meta: {
            system: true,
            scheduled: true,
            requires: 'The effective date has come.',
          } satisfies TransitionMeta,
        },
        ...retire,
      },
    },
    effective: {
      tags: ['done'],
      on: {
        // Periodic review, "no change needed": signed by the owner when due; a change is a revision instead.
        CONFIRM_PERIODIC_REVIEW: {
          guard: and(['actorIsOwner', 'periodicReviewOpen']),
          actions: 'recordPeriodicReview',
          meta: {
            signature: 'review',
            requires: 'The periodic review is due within 30 days or overdue, and you own the document.',
          } satisfies TransitionMeta,
        },
        SUPERSEDE: { target: 'superseded', meta: { system: true } satisfies TransitionMeta },
        ...retire,
      },
    },
    superseded: { type: 'final', tags: ['void'] },
    obsolete: { type: 'final', tags: ['void'] },
  },
});
