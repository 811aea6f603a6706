/**
 * Properties of the document lifecycle that examples alone would not settle: whatever order
 * people try the moves in, author, reviewer and approver of an approved version are three
 * different people (issue 13); and the periodic review is accepted exactly while it is due,
 * moving the next due date on by the interval from the day it was recorded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateTransition } from '../record-type/lifecycle';
import { type ControlledDocument, controlledDocument } from './index';
import { nextReviewDue, PERIODIC_REVIEW_WINDOW_DAYS } from './periodicReview';

const people = ['owner', 'ann', 'bob', 'cem'] as const;
const DAY_MS = 86_400_000;

const draft: ControlledDocument = {
  id: '0190a0b0-0000-7000-8000-0000000000d1',
  orgId: 'org-acme',
  type: 'document',
  number: 'SOP-0001',
  state: 'draft',
  version: 1,
  ownerId: 'owner',
  createdBy: 'owner',
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-01T09:00:00.000Z',
  title: 'Line clearance',
  documentKind: 'sop',
  contentFile: {
    attachmentId: '0190a0b0-0000-7000-8000-0000000000f1',
    fileName: 'Line clearance.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 2048,
    sha256: 'c'.repeat(64),
    uploadedBy: 'ann',
    uploadedAt: '2026-02-01T09:30:00.000Z',
  },
  effectiveDate: '2026-04-01',
  reviewIntervalMonths: 12,
};

const step = fc.record({
  event: fc.constantFrom('SUBMIT_FOR_REVIEW', 'COMPLETE_REVIEW', 'REQUEST_CHANGES', 'APPROVE'),
  actor: fc.constantFrom(...people),
});

describe('three-person rule of a document version', () => {
  it('never approves a version whose author, reviewer and approver are not three different people', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let document = draft;
        for (const { event, actor } of steps) {
          const outcome = evaluateTransition(controlledDocument, document, {
            type: event,
            actorId: actor,
            reason: 'Rework section 3.',
            at: '2026-03-01T10:00:00.000Z',
          });
          if (!outcome.ok) continue;
          if (event === 'COMPLETE_REVIEW') expect(actor).not.toBe(document.authoredBy);
          if (outcome.to === 'approved') {
            const { authoredBy, reviewedBy } = document;
            expect(authoredBy).toBeDefined();
            expect(reviewedBy).toBeDefined();
            expect(new Set([authoredBy, reviewedBy, actor]).size).toBe(3);
          }
          document = outcome.record as ControlledDocument;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lets three different people through, whoever they are, as long as the approver is independent', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(['ann', 'bob', 'cem'], { minLength: 3, maxLength: 3 }),
        ([author, reviewer, approver]) => {
          let document = draft;
          for (const [type, actorId] of [
            ['SUBMIT_FOR_REVIEW', author],
            ['COMPLETE_REVIEW', reviewer],
            ['APPROVE', approver],
          ] as const) {
            const outcome = evaluateTransition(controlledDocument, document, {
              type,
              actorId: actorId as string,
            });
            expect(outcome.ok, `${type} by ${actorId}`).toBe(true);
            if (outcome.ok) document = outcome.record as ControlledDocument;
          }
          expect(document).toMatchObject({ state: 'approved', versionLabel: '1.0' });
        },
      ),
    );
  });
});

describe('periodic review of an effective version', () => {
  const effective = (due: string, months: number): ControlledDocument => ({
    ...draft,
    state: 'effective',
    versionLabel: '1.0',
    reviewIntervalMonths: months,
    nextReviewDue: due,
  });
  const day = fc
    .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2035, 11, 31) })
    .map((ms) => Math.floor(ms / DAY_MS) * DAY_MS);

  it('is accepted from the owner exactly while due within 30 days or overdue, and moves the due date on', () => {
    fc.assert(
      fc.property(
        day,
        day,
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 86_399 }),
        (dueMs, atDayMs, months, seconds) => {
          const due = new Date(dueMs).toISOString().slice(0, 10);
          const at = new Date(atDayMs + seconds * 1000).toISOString();
          const outcome = evaluateTransition(controlledDocument, effective(due, months), {
            type: 'CONFIRM_PERIODIC_REVIEW',
            actorId: 'owner',
            at,
          });
          const open = Date.parse(at) >= dueMs - PERIODIC_REVIEW_WINDOW_DAYS * DAY_MS;
          expect(outcome.ok).toBe(open);
          if (outcome.ok) {
            const reviewedOn = at.slice(0, 10);
            expect(outcome.to).toBe('effective');
            expect(outcome.meta.signature).toBe('review');
            expect(outcome.record).toMatchObject({
              versionLabel: '1.0',
              lastPeriodicReviewOn: reviewedOn,
              nextReviewDue: nextReviewDue(reviewedOn, months),
            });
            expect((outcome.record as ControlledDocument).nextReviewDue! > reviewedOn).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is the owner’s alone, and never without the server’s clock', () => {
    fc.assert(
      fc.property(fc.constantFrom('ann', 'bob', 'cem'), (actorId) => {
        const due = effective('2026-05-01', 12);
        expect(
          evaluateTransition(controlledDocument, due, {
            type: 'CONFIRM_PERIODIC_REVIEW',
            actorId,
            at: '2026-04-20T08:00:00.000Z',
          }).ok,
        ).toBe(false);
      }),
    );
    expect(
      evaluateTransition(controlledDocument, effective('2026-05-01', 12), {
        type: 'CONFIRM_PERIODIC_REVIEW',
        actorId: 'owner',
      }).ok,
    ).toBe(false);
  });
});
