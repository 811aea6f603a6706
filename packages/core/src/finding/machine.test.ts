import { describe, expect, it } from 'vitest';
import { availableEvents, evaluateTransition } from '../record-type/lifecycle';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import { type Finding, finding } from './index';

const RESPONDER = 'user-warehouse-lead';
const AUDITOR = 'user-lead-auditor';

/** A minor finding with a response and a linked CAPA. */
const complete: Finding = {
  id: '01960000-0000-7000-8000-0000000000f1',
  orgId: 'org-acme',
  type: 'finding',
  number: 'FND-2026-0001',
  state: 'open',
  version: 3,
  ownerId: RESPONDER,
  createdBy: AUDITOR,
  createdAt: '2026-03-10T15:00:00.000Z',
  updatedAt: '2026-03-20T09:00:00.000Z',
  auditId: '01960000-0000-7000-8000-0000000000a1',
  title: 'Temperature mapping of warehouse B overdue',
  description: 'Last mapping 2023; the SOP requires mapping every two years.',
  classification: 'minor',
  requirementRef: 'EU GMP Chapter 3.19',
  response: 'Mapping scheduled for April; SOP reminder added to the calendar.',
  linkedCapaIds: ['01960000-0000-7000-8000-0000000000c2'],
  dueAt: '2026-04-30T17:00:00.000Z',
};

function inState(state: string, changes: Partial<Finding> = {}): Finding {
  return { ...complete, state, ...changes };
}

function act(record: Finding, type: string, actorId = RESPONDER, extra: Partial<LifecycleEvent> = {}) {
  return evaluateTransition(finding, record, { type, actorId, ...extra });
}

describe('finding lifecycle: every path', () => {
  it('open -SUBMIT_RESPONSE-> response_submitted, with a linked CAPA', () => {
    expect(act(inState('open'), 'SUBMIT_RESPONSE')).toMatchObject({
      ok: true,
      to: 'response_submitted',
      meta: {},
    });
  });

  it('open -SUBMIT_RESPONSE-> response_submitted, with a rationale for no CAPA', () => {
    const record = inState('open', {
      linkedCapaIds: [],
      rationale: 'Corrected on the spot; no systemic cause.',
    });
    expect(act(record, 'SUBMIT_RESPONSE')).toMatchObject({ ok: true, to: 'response_submitted' });
  });

  it('response_submitted -VERIFY-> closed, signed as verification', () => {
    const outcome = act(inState('response_submitted'), 'VERIFY', AUDITOR);
    expect(outcome).toMatchObject({ ok: true, to: 'closed', meta: { signature: 'verification' } });
  });

  it('response_submitted -REJECT_RESPONSE-> open, with a reason', () => {
    const outcome = act(inState('response_submitted'), 'REJECT_RESPONSE', AUDITOR, {
      reason: 'No root cause given.',
    });
    expect(outcome).toMatchObject({ ok: true, to: 'open', meta: { reason: true } });
  });
});

describe('finding lifecycle: refusals', () => {
  it.each<[Partial<Finding>, string[]]>([
    [{ response: undefined }, ['/response']],
    [{ linkedCapaIds: [], rationale: undefined }, ['/rationale']],
    [{ linkedCapaIds: undefined, rationale: '  ' }, ['/rationale']],
    [{ classification: undefined, description: '' }, ['/classification', '/description']],
  ])('SUBMIT_RESPONSE refused for missing fields %j', (changes, pointers) => {
    const outcome = act(inState('open', changes), 'SUBMIT_RESPONSE');
    expect(outcome).toMatchObject({ ok: false, code: 'missing_fields' });
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => error.pointer).sort()).toEqual(pointers.sort());
  });

  it('the owner of the finding may not verify it', () => {
    expect(act(inState('response_submitted'), 'VERIFY', RESPONDER)).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
    });
  });

  it('needs a reason to reject a response', () => {
    expect(act(inState('response_submitted'), 'REJECT_RESPONSE', AUDITOR, { reason: ' ' })).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
  });
});

describe('finding action bar', () => {
  it('shows the owner VERIFY disabled for segregation of duties', () => {
    const [verify, reject] = availableEvents(finding, inState('response_submitted'), { actorId: RESPONDER });
    expect(verify).toMatchObject({
      type: 'VERIFY',
      enabled: false,
      refusal: { code: 'segregation_of_duties' },
    });
    expect(reject).toMatchObject({ type: 'REJECT_RESPONSE', enabled: true, meta: { reason: true } });
  });
});
