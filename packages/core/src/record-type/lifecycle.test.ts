import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import * as z from 'zod/mini';
import { defineRecordType, type RecordOf } from './defineRecordType';
import { availableEvents, evaluateTransition } from './lifecycle';
import { type LifecycleEvent, SYSTEM_ACTOR } from './lifecycleEvent';
import { sharedGuards } from './lifecycleGuards';
import type { RecordBase } from './recordBase';
import type { TransitionMeta } from './transitionMeta';

/** A small host-style record type whose moves exercise what the built-in ones rarely combine. */
type Sample = RecordBase & { title: string; verdict?: 'pass' | 'fail' | undefined };

const sampleMachine = setup({
  types: { context: {} as Sample, events: {} as LifecycleEvent, input: {} as Sample },
  guards: {
    ...sharedGuards<Sample>({}),
    passed: ({ context }) => context.verdict === 'pass',
    failed: ({ context }) => context.verdict === 'fail',
  },
}).createMachine({
  id: 'sample',
  initial: 'testing',
  context: ({ input }) => input,
  states: {
    testing: {
      on: {
        // One event, two branches that ask for different things.
        DECIDE: [
          {
            target: 'released',
            guard: 'passed',
            meta: { signature: 'verification' } satisfies TransitionMeta,
          },
          { target: 'rejected', guard: 'failed', meta: { reason: true } satisfies TransitionMeta },
        ],
        VERIFY: {
          target: 'verified',
          guard: 'actorIsNotOwner',
          meta: { signature: 'verification' } satisfies TransitionMeta,
        },
        APPROVE: {
          target: 'released',
          guard: 'actorIsIndependent',
          meta: { signature: 'approval' } satisfies TransitionMeta,
        },
        EXPIRE: { target: 'expired', meta: { system: true } satisfies TransitionMeta },
        CLOSE: {
          target: 'released',
          guard: { type: 'relatedAllClosed', params: { type: 'retest' } },
          meta: { requires: 'Every retest closed.' } satisfies TransitionMeta,
        },
      },
    },
    verified: { type: 'final' },
    released: { type: 'final' },
    rejected: { type: 'final' },
    expired: { type: 'final' },
  },
});

const sample = defineRecordType({
  name: 'sample',
  collection: 'samples',
  numberPrefix: 'SMP',
  fields: { title: z.string(), verdict: z.optional(z.enum(['pass', 'fail'])) },
  createRequired: ['title'],
  machine: sampleMachine,
  requiredFields: {},
  searchFields: ['title'],
  filterFields: [],
  sortFields: [],
  titleField: 'title',
  permissions: { read: [], create: [], update: [], comment: [], attach: [], events: {} },
});

const OWNER = 'user-analyst';

function testing(changes: Partial<RecordOf<typeof sample>> = {}): RecordOf<typeof sample> {
  return {
    id: 'sample-1',
    orgId: 'org-acme',
    type: 'sample',
    number: 'SMP-2026-0001',
    state: 'testing',
    version: 1,
    ownerId: OWNER,
    createdBy: OWNER,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    title: 'Assay, batch 24-117',
    ...changes,
  };
}

describe('evaluateTransition', () => {
  it('reports the meta of the branch it takes, not of the first branch', () => {
    const outcome = evaluateTransition(sample, testing({ verdict: 'fail' }), {
      type: 'DECIDE',
      actorId: 'user-qa',
      reason: 'Assay 91 % against 95-105 %.',
    });
    expect(outcome).toMatchObject({ ok: true, to: 'rejected', meta: { reason: true } });
    expect(outcome.meta).not.toHaveProperty('signature');
  });

  it('asks for the reason of the branch it would take', () => {
    const outcome = evaluateTransition(sample, testing({ verdict: 'fail' }), {
      type: 'DECIDE',
      actorId: 'user-qa',
    });
    expect(outcome).toMatchObject({ ok: false, code: 'reason_required' });
  });

  it('lets only the system take a system move', () => {
    expect(evaluateTransition(sample, testing(), { type: 'EXPIRE', actorId: 'user-qa' })).toMatchObject({
      ok: false,
      code: 'guard_failed',
    });
    expect(evaluateTransition(sample, testing(), { type: 'EXPIRE', actorId: SYSTEM_ACTOR })).toMatchObject({
      ok: true,
      to: 'expired',
    });
  });

  it('names segregation of duties when only the owner is barred from a verification', () => {
    expect(evaluateTransition(sample, testing(), { type: 'VERIFY', actorId: OWNER })).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
      detail: 'The owner of SMP-2026-0001 may not sign its verification.',
    });
  });

  it('bars the creator from an approval even when someone else owns the record', () => {
    // Else a QA approver could raise a record, name another person owner, and approve it.
    const raisedForSomeoneElse = testing({ createdBy: 'user-qa', ownerId: OWNER });
    expect(
      evaluateTransition(sample, raisedForSomeoneElse, { type: 'APPROVE', actorId: 'user-qa' }),
    ).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
      detail: 'The originator of SMP-2026-0001 may not sign its approval.',
    });
    expect(
      evaluateTransition(sample, raisedForSomeoneElse, { type: 'APPROVE', actorId: OWNER }),
    ).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
      detail: 'The owner of SMP-2026-0001 may not sign its approval.',
    });
    expect(
      evaluateTransition(sample, raisedForSomeoneElse, { type: 'APPROVE', actorId: 'user-head-of-qa' }),
    ).toMatchObject({ ok: true, to: 'released' });
  });

  it('lets the creator verify the owner’s work (an auditor verifies the response to a finding)', () => {
    const raisedBy = testing({ createdBy: 'user-auditor', ownerId: OWNER });
    expect(evaluateTransition(sample, raisedBy, { type: 'VERIFY', actorId: 'user-auditor' })).toMatchObject({
      ok: true,
      to: 'verified',
    });
  });

  it('does not take "all related closed" on trust when the server sent no count', () => {
    const close = (related?: LifecycleEvent['related']) =>
      evaluateTransition(sample, testing(), { type: 'CLOSE', actorId: 'user-qa', related });
    expect(close()).toMatchObject({ ok: false, code: 'guard_failed', detail: 'Every retest closed.' });
    expect(close({ retest: { open: 1, total: 1 } })).toMatchObject({ ok: false, code: 'guard_failed' });
    expect(close({ retest: { open: 0, total: 1 } })).toMatchObject({ ok: true, to: 'released' });
  });
});

describe('availableEvents', () => {
  it('shows the meta of the branch that would be taken', () => {
    const decide = availableEvents(sample, testing({ verdict: 'fail' }), { actorId: 'user-qa' }).find(
      (event) => event.type === 'DECIDE',
    );
    expect(decide).toMatchObject({ enabled: true, meta: { reason: true } });
  });

  it('hides system moves from people', () => {
    const types = availableEvents(sample, testing(), { actorId: 'user-qa' }).map((event) => event.type);
    expect(types).toEqual(['DECIDE', 'VERIFY', 'APPROVE', 'CLOSE']);
  });
});
