import { describe, expect, it } from 'vitest';
import { availableEvents, evaluateTransition } from '../record-type/lifecycle';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import type { SignatureMeaning } from '../record-type/signatureMeaning';
import { type Capa, capa } from './index';

const OWNER = 'user-investigator';
const QA = 'user-qa-approver';

/** A corrective action for worn tooling, with everything every state asks for. */
const complete: Capa = {
  id: '01960000-0000-7000-8000-0000000000c1',
  orgId: 'org-acme',
  type: 'capa',
  number: 'CAPA-2026-0001',
  state: 'draft',
  version: 5,
  ownerId: OWNER,
  createdBy: OWNER,
  createdAt: '2026-03-04T10:00:00.000Z',
  updatedAt: '2026-03-04T11:00:00.000Z',
  title: 'Replace worn punches and add tip inspection to preventive maintenance',
  description: 'Worn upper punch tips caused low tablet hardness (DEV-2026-0001).',
  kind: 'corrective',
  sourceRefs: [{ type: 'deviation', id: '01960000-0000-7000-8000-000000000001', number: 'DEV-2026-0001' }],
  tasks: [
    {
      id: 't1',
      title: 'Replace punch set on press 2',
      ownerId: 'user-engineer',
      dueAt: '2026-03-20T17:00:00.000Z',
      done: true,
    },
    {
      id: 't2',
      title: 'Add tip wear check to PM-007',
      ownerId: 'user-maint',
      dueAt: '2026-04-15T17:00:00.000Z',
      done: true,
    },
  ],
  effectivenessCriteria: 'No hardness excursion on press 2 over the next 20 batches.',
  effectivenessResult: 'effective',
  effectivenessEvidence: 'Batches 24-120 to 24-139 all within 80-120 N.',
  dueAt: '2026-06-30T17:00:00.000Z',
};

function inState(state: string, changes: Partial<Capa> = {}): Capa {
  return { ...complete, state, ...changes };
}

function act(record: Capa, type: string, actorId = OWNER, extra: Partial<LifecycleEvent> = {}) {
  return evaluateTransition(capa, record, { type, actorId, ...extra });
}

const undoneTask = {
  id: 't2',
  title: 'Add tip wear check to PM-007',
  ownerId: 'user-maint',
  dueAt: '2026-04-15T17:00:00.000Z',
  done: false,
};

interface Move {
  from: string;
  event: string;
  to: string;
  actor?: string;
  reason?: string;
  changes?: Partial<Capa>;
  signature?: SignatureMeaning;
  needsReason?: boolean;
}

const moves: Move[] = [
  {
    from: 'draft',
    event: 'SUBMIT_PLAN',
    to: 'plan_approval',
    changes: { tasks: [complete.tasks![0]!, undoneTask] },
  },
  { from: 'plan_approval', event: 'APPROVE_PLAN', actor: QA, to: 'implementation', signature: 'approval' },
  {
    from: 'plan_approval',
    event: 'REJECT_PLAN',
    actor: QA,
    reason: 'Add a check of the other presses.',
    to: 'draft',
    needsReason: true,
  },
  { from: 'implementation', event: 'COMPLETE_IMPLEMENTATION', to: 'effectiveness_check' },
  {
    from: 'effectiveness_check',
    event: 'CONFIRM_EFFECTIVE',
    actor: QA,
    to: 'closed',
    signature: 'verification',
  },
  {
    from: 'effectiveness_check',
    event: 'REPORT_NOT_EFFECTIVE',
    actor: QA,
    reason: 'Two excursions on press 2 in March.',
    changes: { effectivenessResult: 'not_effective' },
    to: 'implementation',
    needsReason: true,
  },
  ...['draft', 'plan_approval', 'implementation', 'effectiveness_check'].map((from) => ({
    from,
    event: 'CANCEL',
    actor: QA,
    reason: 'Superseded by CAPA-2026-0004, which covers all presses.',
    to: 'cancelled',
    signature: 'approval' as const,
    needsReason: true,
  })),
];

describe('CAPA lifecycle: every path', () => {
  it.each(moves)('$from -$event-> $to', (move) => {
    const outcome = act(inState(move.from, move.changes), move.event, move.actor, { reason: move.reason });
    expect(outcome).toMatchObject({ ok: true, from: move.from, to: move.to });
    if (!outcome.ok) return;
    expect(outcome.record.state).toBe(move.to);
    expect(outcome.meta.signature).toBe(move.signature);
    expect(outcome.meta.reason ?? false).toBe(move.needsReason ?? false);
  });

  it('clears the verdict that sent the CAPA back, so the next check records its own', () => {
    const outcome = act(
      inState('effectiveness_check', { effectivenessResult: 'not_effective' }),
      'REPORT_NOT_EFFECTIVE',
      QA,
      {
        reason: 'Excursions continued.',
      },
    );
    expect(outcome.ok && outcome.record.effectivenessResult).toBeUndefined();
  });

  it('runs a plan through a failed check, more work, and a confirmed one', () => {
    let record = inState('draft', { effectivenessResult: undefined, tasks: [undoneTask] });
    const step = (
      type: string,
      actorId: string,
      extra: Partial<LifecycleEvent> = {},
      changes: Partial<Capa> = {},
    ) => {
      const outcome = act({ ...record, ...changes }, type, actorId, extra);
      if (!outcome.ok) throw new Error(`${type} refused: ${outcome.code} ${outcome.detail}`);
      record = outcome.record;
      return outcome.to;
    };
    expect(step('SUBMIT_PLAN', OWNER)).toBe('plan_approval');
    expect(step('APPROVE_PLAN', QA)).toBe('implementation');
    expect(step('COMPLETE_IMPLEMENTATION', OWNER, {}, { tasks: [{ ...undoneTask, done: true }] })).toBe(
      'effectiveness_check',
    );
    expect(
      step(
        'REPORT_NOT_EFFECTIVE',
        QA,
        { reason: 'Excursion on batch 24-125.' },
        { effectivenessResult: 'not_effective' },
      ),
    ).toBe('implementation');
    const moreWork = {
      id: 't3',
      title: 'Shorten punch replacement interval',
      ownerId: OWNER,
      dueAt: '2026-05-30T17:00:00.000Z',
      done: true,
    };
    expect(step('COMPLETE_IMPLEMENTATION', OWNER, {}, { tasks: [...record.tasks!, moreWork] })).toBe(
      'effectiveness_check',
    );
    expect(step('CONFIRM_EFFECTIVE', QA, {}, { effectivenessResult: 'effective' })).toBe('closed');
  });
});

describe('CAPA lifecycle: refusals', () => {
  it.each([
    ['plan_approval', 'APPROVE_PLAN'],
    ['effectiveness_check', 'CONFIRM_EFFECTIVE'],
    ['implementation', 'CANCEL'],
  ])('the owner may not sign %s -%s-> (segregation of duties)', (state, event) => {
    const outcome = act(inState(state), event, OWNER, { reason: 'Owner tries.' });
    expect(outcome).toMatchObject({ ok: false, code: 'segregation_of_duties' });
  });

  it.each<[string, string, Partial<Capa>, string[]]>([
    ['draft', 'SUBMIT_PLAN', { tasks: [] }, ['/tasks']],
    [
      'draft',
      'SUBMIT_PLAN',
      { tasks: undefined, effectivenessCriteria: '' },
      ['/tasks', '/effectivenessCriteria'],
    ],
    [
      'draft',
      'SUBMIT_PLAN',
      { tasks: [{ id: 't1', title: 'Replace punch set', done: false }] },
      ['/tasks/0/ownerId', '/tasks/0/dueAt'],
    ],
    ['draft', 'SUBMIT_PLAN', { kind: undefined, dueAt: undefined }, ['/kind', '/dueAt']],
    [
      'implementation',
      'COMPLETE_IMPLEMENTATION',
      { tasks: [complete.tasks![0]!, undoneTask] },
      ['/tasks/1/done'],
    ],
    [
      'effectiveness_check',
      'CONFIRM_EFFECTIVE',
      { effectivenessResult: 'not_effective' },
      ['/effectivenessResult'],
    ],
    [
      'effectiveness_check',
      'CONFIRM_EFFECTIVE',
      { effectivenessResult: undefined },
      ['/effectivenessResult'],
    ],
    ['effectiveness_check', 'CONFIRM_EFFECTIVE', { effectivenessEvidence: ' ' }, ['/effectivenessEvidence']],
  ])('%s -%s-> refused for missing fields %j', (state, event, changes, pointers) => {
    const outcome = act(inState(state, changes), event, QA);
    expect(outcome).toMatchObject({ ok: false, code: 'missing_fields' });
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => error.pointer).sort()).toEqual(pointers.sort());
  });

  it('refuses to report a failed check while the record says effective', () => {
    const outcome = act(inState('effectiveness_check'), 'REPORT_NOT_EFFECTIVE', QA, { reason: 'Doubts.' });
    expect(outcome).toMatchObject({
      ok: false,
      code: 'guard_failed',
      detail: expect.stringContaining('not effective'),
    });
  });

  it.each([
    ['plan_approval', 'REJECT_PLAN'],
    ['effectiveness_check', 'REPORT_NOT_EFFECTIVE'],
    ['implementation', 'CANCEL'],
  ])('%s -%s-> needs a reason', (state, event) => {
    const outcome = act(inState(state, { effectivenessResult: 'not_effective' }), event, QA);
    expect(outcome).toMatchObject({ ok: false, code: 'reason_required' });
  });
});

describe('CAPA action bar', () => {
  it('offers the checker both verdicts, each with what it asks for', () => {
    const events = availableEvents(capa, inState('effectiveness_check'), { actorId: QA });
    expect(events).toEqual([
      { type: 'CONFIRM_EFFECTIVE', meta: { signature: 'verification' }, enabled: true, refusal: undefined },
      expect.objectContaining({
        type: 'REPORT_NOT_EFFECTIVE',
        meta: expect.objectContaining({ reason: true }),
        enabled: false,
      }),
      // Nothing to decide: the extension moves show, disabled, with what they wait for.
      expect.objectContaining({
        type: 'APPROVE_EXTENSION',
        enabled: false,
        refusal: { code: 'guard_failed', detail: 'An extension request pending.', errors: [] },
      }),
      expect.objectContaining({ type: 'REFUSE_EXTENSION', enabled: false }),
      { type: 'CANCEL', meta: { signature: 'approval', reason: true }, enabled: true, refusal: undefined },
    ]);
  });

  it('shows the owner the verdict and the cancellation disabled for segregation of duties', () => {
    const events = availableEvents(capa, inState('effectiveness_check'), { actorId: OWNER });
    expect(events.find((event) => event.type === 'CONFIRM_EFFECTIVE')).toMatchObject({
      enabled: false,
      refusal: { code: 'segregation_of_duties' },
    });
    expect(events.find((event) => event.type === 'CANCEL')).toMatchObject({
      enabled: false,
      refusal: { code: 'segregation_of_duties' },
    });
  });

  it('shows COMPLETE_IMPLEMENTATION disabled while a task is open', () => {
    const [completeImplementation] = availableEvents(
      capa,
      inState('implementation', { tasks: [undoneTask] }),
      { actorId: OWNER },
    );
    expect(completeImplementation).toMatchObject({
      type: 'COMPLETE_IMPLEMENTATION',
      enabled: false,
      refusal: { code: 'missing_fields', errors: [{ pointer: '/tasks/0/done' }] },
    });
  });
});

describe('CAPA extension requests', () => {
  const INVESTIGATOR = 'user-ivan';
  const REVIEWER = 'user-qa-reviewer';
  const AT = '2026-04-01T09:00:00.000Z';
  const JULY = '2026-07-31T17:00:00.000Z';
  const implementing = () => inState('implementation', { tasks: [complete.tasks![0]!, undoneTask] });

  function requested(
    record = implementing(),
    data: Record<string, unknown> = { taskId: 't2', newDueAt: JULY },
  ) {
    const outcome = act(record, 'REQUEST_EXTENSION', INVESTIGATOR, {
      reason: ' Vendor ships the PM module in July. ',
      at: AT,
      data,
    });
    if (!outcome.ok) throw new Error(`REQUEST_EXTENSION refused: ${outcome.detail}`);
    return outcome;
  }

  it('records a pending request and keeps the CAPA where it is, its due dates unmoved', () => {
    const outcome = requested();
    expect(outcome).toMatchObject({ from: 'implementation', to: 'implementation', meta: { reason: true } });
    expect(outcome.record.tasks).toEqual(implementing().tasks);
    expect(outcome.record.extensionRequests).toEqual([
      {
        id: 'ext-1',
        taskId: 't2',
        newDueAt: JULY,
        previousDueAt: undoneTask.dueAt,
        reason: 'Vendor ships the PM module in July.',
        status: 'pending',
        requestedBy: INVESTIGATOR,
        requestedAt: AT,
      },
    ]);
  });

  it('is requested only with a reason and a new date', () => {
    expect(
      act(implementing(), 'REQUEST_EXTENSION', INVESTIGATOR, { data: { taskId: 't2', newDueAt: JULY } }),
    ).toMatchObject({ ok: false, code: 'reason_required' });
    expect(act(implementing(), 'REQUEST_EXTENSION', INVESTIGATOR, { reason: 'Vendor delay.' })).toMatchObject(
      {
        ok: false,
        code: 'invalid_data',
      },
    );
  });

  it('approved with a signature by someone else, moves the task’s due date', () => {
    const pending = requested().record;
    const outcome = act(pending, 'APPROVE_EXTENSION', QA, { at: '2026-04-02T10:00:00.000Z' });
    expect(outcome).toMatchObject({ ok: true, to: 'implementation', meta: { signature: 'approval' } });
    if (!outcome.ok) return;
    expect(outcome.record.tasks?.find((task) => task.id === 't2')?.dueAt).toBe(JULY);
    expect(outcome.record.extensionRequests?.[0]).toMatchObject({
      status: 'approved',
      decidedBy: QA,
      decidedAt: '2026-04-02T10:00:00.000Z',
    });
  });

  it('moves the CAPA’s own due date when the request names no task, in the effectiveness check too', () => {
    const record = inState('effectiveness_check');
    const pending = requested(record, { newDueAt: '2026-09-30T17:00:00.000Z' }).record;
    const outcome = act(pending, 'APPROVE_EXTENSION', QA);
    expect(outcome).toMatchObject({
      ok: true,
      to: 'effectiveness_check',
      record: { dueAt: '2026-09-30T17:00:00.000Z' },
    });
  });

  it('refused with a reason, leaves the due date and records the decision', () => {
    const pending = requested().record;
    const outcome = act(pending, 'REFUSE_EXTENSION', REVIEWER, { reason: 'Use the interim paper check.' });
    expect(outcome).toMatchObject({ ok: true, to: 'implementation' });
    if (!outcome.ok) return;
    expect(outcome.record.tasks).toEqual(implementing().tasks);
    expect(outcome.record.extensionRequests?.[0]).toMatchObject({
      status: 'rejected',
      decidedBy: REVIEWER,
      decisionReason: 'Use the interim paper check.',
    });
    expect(act(pending, 'REFUSE_EXTENSION', REVIEWER)).toMatchObject({ ok: false, code: 'reason_required' });
  });

  it.each([
    ['APPROVE_EXTENSION', 'approve', {}],
    ['REFUSE_EXTENSION', 'refuse', { reason: 'I changed my mind.' }],
  ] as const)('is never decided by its requester: %s', (event, verb, extra) => {
    const pending = requested().record;
    expect(act(pending, event, INVESTIGATOR, extra)).toEqual({
      ok: false,
      code: 'segregation_of_duties',
      detail: `The requester of the extension request of CAPA-2026-0001 may not also ${verb} it.`,
      errors: [],
      role: 'requester',
      meta: expect.any(Object),
    });
  });

  it('names the requester, not the owner, when the owner asked and would approve', () => {
    const outcome = act(implementing(), 'REQUEST_EXTENSION', OWNER, {
      reason: 'Vendor delay.',
      data: { taskId: 't2', newDueAt: JULY },
    });
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(act(outcome.record, 'REFUSE_EXTENSION', OWNER, { reason: 'No.' })).toMatchObject({
      code: 'segregation_of_duties',
      detail: 'The requester of the extension request of CAPA-2026-0001 may not also refuse it.',
    });
    // An approval is barred for the owner as well; the requester's role is the one named.
    expect(act(outcome.record, 'APPROVE_EXTENSION', OWNER)).toMatchObject({
      code: 'segregation_of_duties',
      detail: 'The requester of the extension request of CAPA-2026-0001 may not also approve it.',
    });
  });

  it('bars the owner from approving a request someone else raised (an approval signature)', () => {
    const pending = requested().record;
    expect(act(pending, 'APPROVE_EXTENSION', OWNER)).toMatchObject({
      code: 'segregation_of_duties',
      detail: 'The owner of CAPA-2026-0001 may not sign its approval.',
      role: 'owner',
    });
  });

  it.each<[string, Record<string, unknown> | undefined, string[]]>([
    ['without data', undefined, ['/data']],
    ['with a date that is no date', { taskId: 't2', newDueAt: 'next July' }, ['/data/newDueAt']],
    ['with a field it does not know', { newDueAt: JULY, dueAt: JULY }, ['/data']],
  ])('refuses a request %s as invalid data', (_case, data, pointers) => {
    const outcome = act(implementing(), 'REQUEST_EXTENSION', INVESTIGATOR, { reason: 'Delay.', data });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_data' });
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => error.pointer)).toEqual(pointers);
  });

  it('refuses data on a move that takes none', () => {
    const outcome = act(implementing(), 'COMPLETE_IMPLEMENTATION', OWNER, { data: { newDueAt: JULY } });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_data', errors: [{ pointer: '/data' }] });
  });

  it.each<[string, Capa, Record<string, unknown>]>([
    ['for a task that is done', implementing(), { taskId: 't1', newDueAt: JULY }],
    ['for a task it does not have', implementing(), { taskId: 't9', newDueAt: JULY }],
    [
      'for a date no later than the current one',
      implementing(),
      { taskId: 't2', newDueAt: undoneTask.dueAt },
    ],
    ['while another is pending', requested().record, { newDueAt: JULY }],
  ])('refuses a request %s', (_case, record, data) => {
    const outcome = act(record, 'REQUEST_EXTENSION', INVESTIGATOR, { reason: 'Delay.', data });
    expect(outcome).toMatchObject({
      ok: false,
      code: 'guard_failed',
      detail: expect.stringContaining('pending'),
    });
  });

  it.each(['draft', 'plan_approval'])('has nothing to extend while the plan is open (%s)', (state) => {
    expect(
      act(inState(state), 'REQUEST_EXTENSION', INVESTIGATOR, { reason: 'Delay.', data: { newDueAt: JULY } }),
    ).toMatchObject({ ok: false, code: 'not_allowed_in_state' });
  });

  it('is not offered by the action bar, which has nothing to collect a date with; its decision is', () => {
    const pending = requested().record;
    const events = availableEvents(capa, pending, { actorId: QA }).map((event) => [
      event.type,
      event.enabled,
    ]);
    expect(events).toEqual([
      ['COMPLETE_IMPLEMENTATION', false],
      ['APPROVE_EXTENSION', true],
      ['REFUSE_EXTENSION', true],
      ['CANCEL', true],
    ]);
  });

  it('numbers requests in order, so a later request has its own id', () => {
    const refused = act(requested().record, 'REFUSE_EXTENSION', QA, { reason: 'No.' });
    if (!refused.ok) throw new Error(refused.detail);
    const again = requested(refused.record, { taskId: 't2', newDueAt: '2026-06-30T17:00:00.000Z' });
    expect(again.record.extensionRequests?.map((request) => [request.id, request.status])).toEqual([
      ['ext-1', 'rejected'],
      ['ext-2', 'pending'],
    ]);
  });
});
