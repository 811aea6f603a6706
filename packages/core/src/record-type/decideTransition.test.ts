import { describe, expect, it } from 'vitest';
import { type Capa, capa } from '../capa';
import { problemFor } from '../contract/problem';
import { deviation } from '../deviation';
import { decideTransition, type TransitionRequest } from './decideTransition';
import type { RecordOf } from './defineRecordType';

type Deviation = RecordOf<typeof deviation>;

const OWNER = 'user-originator';
const QA = 'user-qa-approver';

/** A minor deviation with everything every state asks for. */
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
  severity: 'minor',
  immediateActions: 'Batch placed on hold; press stopped and tooling inspected.',
};

function inState(state: string, changes: Partial<Deviation> = {}): Deviation {
  return { ...complete, state, ...changes };
}

function decide(record: Deviation, request: Partial<TransitionRequest> & { type: string }) {
  return decideTransition(deviation, record, { actorId: QA, ...request });
}

describe('decideTransition: what the machine refuses', () => {
  it.each([
    {
      code: 'unknown_event',
      record: inState('draft'),
      request: { type: 'LAUNCH' },
      detail: 'deviation has no event LAUNCH.',
      status: 422,
    },
    {
      code: 'not_allowed_in_state',
      record: inState('draft'),
      request: { type: 'APPROVE', signature: { meaning: 'approval' as const } },
      detail: 'APPROVE is not allowed while DEV-2026-0001 is draft.',
      status: 409,
    },
    {
      code: 'reason_required',
      record: inState('in_approval'),
      request: { type: 'REJECT', reason: '  ' },
      detail: 'REJECT needs a reason.',
      status: 422,
    },
    {
      code: 'missing_fields',
      record: inState('draft', { area: undefined }),
      request: { type: 'SUBMIT', actorId: OWNER },
      detail: 'DEV-2026-0001 lacks what the state in_assessment requires.',
      status: 422,
    },
    {
      code: 'segregation_of_duties',
      record: inState('in_approval'),
      request: { type: 'APPROVE', actorId: OWNER, signature: { meaning: 'approval' as const } },
      detail: 'The owner of DEV-2026-0001 may not sign its approval.',
      status: 403,
    },
  ])('$code, answered with $status', ({ code, record, request, detail, status }) => {
    const decision = decide(record, request);
    expect(decision).toMatchObject({ ok: false, code, detail });
    if (decision.ok) return;
    expect(problemFor(decision.code, decision.detail, decision.errors)).toMatchObject({
      status,
      type: 'https://masetra.dev/problems/transition-refused',
      title: 'Transition refused',
      code,
    });
  });

  it('names the field the next state lacks', () => {
    const decision = decide(inState('draft', { area: undefined }), { type: 'SUBMIT', actorId: OWNER });
    expect(decision).toMatchObject({ ok: false, errors: [{ pointer: '/area' }] });
  });

  it('guard_failed: a CAPA that says effective cannot be reported not effective', () => {
    const capaRecord: Capa = {
      id: '01960000-0000-7000-8000-0000000000c1',
      orgId: 'org-acme',
      type: 'capa',
      number: 'CAPA-2026-0001',
      state: 'effectiveness_check',
      version: 5,
      ownerId: OWNER,
      createdBy: OWNER,
      createdAt: '2026-03-04T10:00:00.000Z',
      updatedAt: '2026-03-04T11:00:00.000Z',
      title: 'Replace worn punches and add tip inspection to preventive maintenance',
      description: 'Worn upper punch tips caused low tablet hardness (DEV-2026-0001).',
      kind: 'corrective',
      tasks: [
        {
          id: 't1',
          title: 'Replace punch set on press 2',
          ownerId: 'user-engineer',
          dueAt: '2026-03-20T17:00:00.000Z',
          done: true,
        },
      ],
      effectivenessCriteria: 'No hardness excursion on press 2 over the next 20 batches.',
      effectivenessResult: 'effective',
      effectivenessEvidence: 'Batches 24-120 to 24-139 all within 80-120 N.',
      dueAt: '2026-06-30T17:00:00.000Z',
    };
    const decision = decideTransition(capa, capaRecord, {
      type: 'REPORT_NOT_EFFECTIVE',
      actorId: QA,
      reason: 'Doubts.',
    });
    expect(decision).toMatchObject({ ok: false, code: 'guard_failed' });
    if (decision.ok) return;
    expect(problemFor(decision.code, decision.detail, decision.errors)).toMatchObject({
      status: 409,
      type: 'https://masetra.dev/problems/transition-refused',
      code: 'guard_failed',
    });
  });

  it('refuses a move the machine refuses before it looks at the signature', () => {
    // The owner sends no signature: segregation of duties, not "signature required", is the answer.
    expect(decide(inState('in_approval'), { type: 'APPROVE', actorId: OWNER })).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
    });
  });
});

describe('decideTransition: the signature the move asks for', () => {
  const approve = (signature?: TransitionRequest['signature']) =>
    decide(inState('in_approval'), { type: 'APPROVE', signature });

  it('takes a signed move signed with its meaning', () => {
    expect(approve({ meaning: 'approval' })).toMatchObject({
      ok: true,
      from: 'in_approval',
      to: 'closed',
      meta: { signature: 'approval' },
      record: { state: 'closed' },
    });
  });

  it('signature_required: a signed move sent without a signature', () => {
    expect(approve(undefined)).toEqual({
      ok: false,
      code: 'signature_required',
      detail: 'APPROVE needs an electronic signature (approval).',
      errors: [{ pointer: '/signature', detail: 'A signature is required for this step.' }],
      meta: { signature: 'approval' },
    });
  });

  it('signature_meaning_mismatch: signed with another meaning', () => {
    expect(approve({ meaning: 'review' })).toEqual({
      ok: false,
      code: 'signature_meaning_mismatch',
      detail: 'APPROVE is signed with the meaning "approval".',
      errors: [{ pointer: '/signature/meaning', detail: 'Expected approval.' }],
      meta: { signature: 'approval' },
    });
  });

  it('signature_not_expected: an unsigned move sent with a signature', () => {
    expect(
      decide(inState('draft'), { type: 'SUBMIT', actorId: OWNER, signature: { meaning: 'authorship' } }),
    ).toMatchObject({
      ok: false,
      code: 'signature_not_expected',
      detail: 'SUBMIT takes no signature.',
      errors: [{ pointer: '/signature', detail: 'This step is not signed.' }],
    });
  });

  it('takes an unsigned move sent without a signature', () => {
    expect(decide(inState('draft'), { type: 'SUBMIT', actorId: OWNER })).toMatchObject({
      ok: true,
      to: 'in_assessment',
    });
  });

  it.each(['signature_required', 'signature_meaning_mismatch', 'signature_not_expected'] as const)(
    '%s reads as a 422 validation failure',
    (code) => {
      expect(problemFor(code, 'detail', [])).toEqual({
        status: 422,
        type: 'https://masetra.dev/problems/validation',
        title: 'Validation failed',
        detail: 'detail',
        code,
        errors: [],
      });
    },
  );
});
