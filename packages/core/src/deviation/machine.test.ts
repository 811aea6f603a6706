import { describe, expect, it } from 'vitest';
import { availableEvents, evaluateTransition } from '../record-type/lifecycle';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import type { SignatureMeaning } from '../record-type/signatureMeaning';
import { type Deviation, deviation } from './index';

const OWNER = 'user-originator';
const QA = 'user-qa-approver';

/** An out-of-spec deviation with everything every state asks for. */
const complete: Deviation = {
  id: '01960000-0000-7000-8000-000000000001',
  orgId: 'org-acme',
  type: 'deviation',
  number: 'DEV-2026-0001',
  state: 'draft',
  version: 3,
  ownerId: OWNER,
  createdBy: OWNER,
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
  title: 'Tablet hardness out of specification, batch 24-117',
  description: 'In-process control measured 62 N against a specification of 80-120 N.',
  occurredAt: '2026-03-02T07:45:00.000Z',
  area: 'Compression suite 2',
  severity: 'major',
  immediateActions: 'Batch placed on hold; press stopped and tooling inspected.',
  rootCause: 'Worn upper punch tips on station 14.',
  rootCauseMethod: 'five_whys',
  impactAssessment: 'Batch 24-117 only; earlier batches pass hardness on retained samples.',
  capaRequired: true,
  linkedCapaIds: ['01960000-0000-7000-8000-0000000000c1'],
};

function inState(state: string, changes: Partial<Deviation> = {}): Deviation {
  return { ...complete, state, ...changes };
}

function act(record: Deviation, type: string, actorId = OWNER, extra: Partial<LifecycleEvent> = {}) {
  return evaluateTransition(deviation, record, { type, actorId, ...extra });
}

interface Move {
  from: string;
  event: string;
  to: string;
  actor?: string;
  reason?: string;
  changes?: Partial<Deviation>;
  signature?: SignatureMeaning;
  needsReason?: boolean;
}

const openStates = ['draft', 'in_assessment', 'in_approval', 'in_investigation', 'in_final_approval'];

const moves: Move[] = [
  { from: 'draft', event: 'SUBMIT', to: 'in_assessment' },
  { from: 'in_assessment', event: 'SUBMIT_ASSESSMENT', to: 'in_approval' },
  {
    from: 'in_approval',
    event: 'APPROVE',
    actor: QA,
    changes: { severity: 'minor' },
    to: 'closed',
    signature: 'approval',
  },
  {
    from: 'in_approval',
    event: 'APPROVE',
    actor: QA,
    changes: { severity: 'major' },
    to: 'in_investigation',
    signature: 'approval',
  },
  {
    from: 'in_approval',
    event: 'APPROVE',
    actor: QA,
    changes: { severity: 'critical' },
    to: 'in_investigation',
    signature: 'approval',
  },
  {
    from: 'in_approval',
    event: 'REJECT',
    actor: QA,
    reason: 'Impact on other batches not assessed.',
    to: 'in_assessment',
    needsReason: true,
  },
  { from: 'in_investigation', event: 'SUBMIT_INVESTIGATION', to: 'in_final_approval' },
  {
    from: 'in_investigation',
    event: 'SUBMIT_INVESTIGATION',
    changes: {
      capaRequired: false,
      linkedCapaIds: [],
      rationaleForNoCapa: 'Tooling wear is covered by PM-007.',
    },
    to: 'in_final_approval',
  },
  { from: 'in_final_approval', event: 'APPROVE_FINAL', actor: QA, to: 'closed', signature: 'approval' },
  {
    from: 'in_final_approval',
    event: 'REJECT_FINAL',
    actor: QA,
    reason: 'Root cause not evidenced.',
    to: 'in_investigation',
    needsReason: true,
  },
  ...openStates.map((from) => ({
    from,
    event: 'REQUEST_CANCELLATION',
    reason: 'Raised twice; see DEV-2026-0002.',
    to: 'pending_cancellation',
    needsReason: true,
  })),
  {
    from: 'pending_cancellation',
    event: 'APPROVE_CANCELLATION',
    actor: QA,
    changes: { stateBeforeCancellation: 'in_assessment' },
    to: 'cancelled',
    signature: 'approval',
  },
  ...openStates.map((state) => ({
    from: 'pending_cancellation',
    event: 'REJECT_CANCELLATION',
    actor: QA,
    changes: { stateBeforeCancellation: state },
    to: state,
  })),
];

describe('deviation lifecycle: every path', () => {
  it.each(moves)('$from -$event-> $to $changes', (move) => {
    const outcome = act(inState(move.from, move.changes), move.event, move.actor, { reason: move.reason });
    expect(outcome).toMatchObject({ ok: true, from: move.from, to: move.to });
    if (!outcome.ok) return;
    expect(outcome.record.state).toBe(move.to);
    expect(outcome.meta.signature).toBe(move.signature);
    expect(outcome.meta.reason ?? false).toBe(move.needsReason ?? false);
  });

  it('remembers where a cancellation came from, and forgets it once decided', () => {
    const requested = act(inState('in_investigation'), 'REQUEST_CANCELLATION', OWNER, {
      reason: 'Duplicate.',
    });
    expect(requested.ok && requested.record.stateBeforeCancellation).toBe('in_investigation');
    if (!requested.ok) return;
    const rejected = act(requested.record, 'REJECT_CANCELLATION', QA);
    expect(rejected).toMatchObject({
      ok: true,
      to: 'in_investigation',
      record: { stateBeforeCancellation: null },
    });
  });
});

describe('deviation lifecycle: refusals', () => {
  it.each([
    ['in_approval', 'APPROVE'],
    ['in_final_approval', 'APPROVE_FINAL'],
    ['pending_cancellation', 'APPROVE_CANCELLATION'],
  ])('the owner may not sign %s -%s-> (segregation of duties)', (state, event) => {
    const outcome = act(inState(state, { stateBeforeCancellation: 'draft' }), event, OWNER);
    expect(outcome).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
      meta: { signature: 'approval' },
    });
  });

  it.each<[string, string, Partial<Deviation>, string[]]>([
    ['draft', 'SUBMIT', { description: undefined, area: '' }, ['/description', '/area']],
    ['in_assessment', 'SUBMIT_ASSESSMENT', { immediateActions: '   ' }, ['/immediateActions']],
    [
      'in_investigation',
      'SUBMIT_INVESTIGATION',
      { rootCause: undefined, impactAssessment: undefined },
      ['/rootCause', '/impactAssessment'],
    ],
    ['in_investigation', 'SUBMIT_INVESTIGATION', { linkedCapaIds: [] }, ['/linkedCapaIds']],
    ['in_investigation', 'SUBMIT_INVESTIGATION', { capaRequired: false }, ['/rationaleForNoCapa']],
  ])('%s -%s-> refused for missing fields %j', (state, event, changes, pointers) => {
    const outcome = act(inState(state, changes), event);
    expect(outcome).toMatchObject({ ok: false, code: 'missing_fields' });
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => error.pointer).sort()).toEqual(pointers.sort());
  });

  it.each([
    ['in_approval', 'REJECT', undefined],
    ['in_final_approval', 'REJECT_FINAL', ''],
    ['draft', 'REQUEST_CANCELLATION', '   '],
  ])('%s -%s-> needs a reason (given %j)', (state, event, reason) => {
    const outcome = act(inState(state), event, QA, { reason });
    expect(outcome).toMatchObject({ ok: false, code: 'reason_required', errors: [{ pointer: '/reason' }] });
  });

  it('refuses an event the lifecycle does not know', () => {
    expect(act(inState('draft'), 'PUBLISH')).toMatchObject({ ok: false, code: 'unknown_event' });
  });

  it('refuses to leave a final state', () => {
    expect(act(inState('closed'), 'REQUEST_CANCELLATION', OWNER, { reason: 'x' })).toMatchObject({
      ok: false,
      code: 'not_allowed_in_state',
    });
  });
});

describe('deviation action bar', () => {
  it('shows the owner APPROVE disabled for segregation of duties, and REJECT asking for a reason', () => {
    const events = availableEvents(deviation, inState('in_approval'), { actorId: OWNER });
    expect(events.map((event) => event.type)).toEqual(['APPROVE', 'REJECT', 'REQUEST_CANCELLATION']);
    expect(events[0]).toMatchObject({
      enabled: false,
      meta: { signature: 'approval' },
      refusal: { code: 'segregation_of_duties' },
    });
    expect(events[1]).toMatchObject({ type: 'REJECT', enabled: true, meta: { reason: true } });
  });

  it('shows another user APPROVE enabled, asking for an approval signature', () => {
    const [approve] = availableEvents(deviation, inState('in_approval'), { actorId: QA });
    expect(approve).toMatchObject({ type: 'APPROVE', enabled: true, meta: { signature: 'approval' } });
    expect(approve?.refusal).toBeUndefined();
  });

  it('shows SUBMIT disabled with the fields a draft still lacks', () => {
    const [submit] = availableEvents(deviation, inState('draft', { severity: undefined }), {
      actorId: OWNER,
    });
    expect(submit).toMatchObject({
      type: 'SUBMIT',
      enabled: false,
      refusal: { code: 'missing_fields', errors: [{ pointer: '/severity' }] },
    });
  });
});
