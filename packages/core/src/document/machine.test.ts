import { describe, expect, it } from 'vitest';
import { availableEvents, evaluateTransition } from '../record-type/lifecycle';
import { type LifecycleEvent, SYSTEM_ACTOR } from '../record-type/lifecycleEvent';
import type { SignatureMeaning } from '../record-type/signatureMeaning';
import { type ControlledDocument, controlledDocument } from './index';

const AUTHOR = 'user-author';
const REVIEWER = 'user-qa-reviewer';
const QA = 'user-qa-approver';

/** A cleaning SOP with everything every state asks for. */
const complete: ControlledDocument = {
  id: '01960000-0000-7000-8000-0000000000d1',
  orgId: 'org-acme',
  type: 'document',
  number: 'DOC-2026-0001',
  state: 'draft',
  version: 2,
  ownerId: AUTHOR,
  createdBy: AUTHOR,
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-03T09:00:00.000Z',
  title: 'Cleaning of tablet press tooling',
  documentKind: 'sop',
  summary: 'How punches and dies are cleaned and inspected between campaigns.',
  content: 'Reworded section 4 after the 2026 audit.',
  contentFile: {
    attachmentId: '0190a0b0-0000-7000-8000-000000000001',
    fileName: 'SOP cleaning of tooling.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 18_204,
    sha256: 'a'.repeat(64),
    uploadedBy: AUTHOR,
    uploadedAt: '2026-02-02T09:00:00.000Z',
  },
  effectiveDate: '2026-04-01',
  reviewIntervalMonths: 24,
};

function inState(state: string, changes: Partial<ControlledDocument> = {}): ControlledDocument {
  return { ...complete, state, ...changes };
}

function act(
  record: ControlledDocument,
  type: string,
  actorId = AUTHOR,
  extra: Partial<LifecycleEvent> = {},
) {
  return evaluateTransition(controlledDocument, record, { type, actorId, ...extra });
}

interface Move {
  from: string;
  event: string;
  to: string;
  actor?: string;
  reason?: string;
  at?: string;
  changes?: Partial<ControlledDocument>;
  signature?: SignatureMeaning;
  needsReason?: boolean;
  versionLabel?: string;
}

const moves: Move[] = [
  { from: 'draft', event: 'SUBMIT_FOR_REVIEW', to: 'in_review', versionLabel: undefined },
  { from: 'in_review', event: 'COMPLETE_REVIEW', actor: REVIEWER, to: 'in_approval', signature: 'review' },
  {
    from: 'in_review',
    event: 'REQUEST_CHANGES',
    actor: REVIEWER,
    reason: 'Step 3.4 omits the drying time.',
    to: 'draft',
    needsReason: true,
    versionLabel: '0.2',
  },
  {
    from: 'in_approval',
    event: 'REQUEST_CHANGES',
    actor: QA,
    reason: 'Reference the new detergent.',
    changes: { versionLabel: '1.1' },
    to: 'draft',
    needsReason: true,
    versionLabel: '1.2',
  },
  {
    from: 'in_approval',
    event: 'APPROVE',
    actor: QA,
    to: 'approved',
    signature: 'approval',
    versionLabel: '1.0',
  },
  {
    from: 'in_approval',
    event: 'APPROVE',
    actor: QA,
    changes: { versionLabel: '0.3' },
    to: 'approved',
    signature: 'approval',
    versionLabel: '1.0',
  },
  {
    from: 'in_approval',
    event: 'APPROVE',
    actor: QA,
    changes: { versionLabel: '1.2' },
    to: 'approved',
    signature: 'approval',
    versionLabel: '2.0',
  },
  {
    from: 'approved',
    event: 'BECOME_EFFECTIVE',
    actor: SYSTEM_ACTOR,
    at: '2026-04-01T00:00:00.000Z',
    to: 'effective',
  },
  {
    from: 'approved',
    event: 'BECOME_EFFECTIVE',
    actor: SYSTEM_ACTOR,
    at: '2026-04-03T02:00:00.000Z',
    to: 'effective',
  },
  { from: 'effective', event: 'SUPERSEDE', actor: SYSTEM_ACTOR, to: 'superseded' },
  ...['approved', 'effective'].map((from) => ({
    from,
    event: 'RETIRE',
    actor: QA,
    reason: 'Press 2 decommissioned.',
    to: 'obsolete',
    signature: 'approval' as const,
    needsReason: true,
  })),
];

describe('document lifecycle: every path', () => {
  it.each(moves)('$from -$event-> $to', (move) => {
    const outcome = act(inState(move.from, move.changes), move.event, move.actor, {
      reason: move.reason,
      at: move.at,
    });
    expect(outcome).toMatchObject({ ok: true, from: move.from, to: move.to });
    if (!outcome.ok) return;
    expect(outcome.record.state).toBe(move.to);
    expect(outcome.meta.signature).toBe(move.signature);
    expect(outcome.meta.reason ?? false).toBe(move.needsReason ?? false);
    if ('versionLabel' in move) expect(outcome.record.versionLabel).toBe(move.versionLabel);
  });

  it('schedules the periodic review when the document becomes effective', () => {
    const outcome = act(inState('approved'), 'BECOME_EFFECTIVE', SYSTEM_ACTOR, {
      at: '2026-04-01T00:05:00.000Z',
    });
    expect(outcome).toMatchObject({ ok: true, record: { nextReviewDue: '2028-04-01' } });
  });

  it('counts minor versions through two rounds of changes, then approves the next major', () => {
    let record = inState('draft', { versionLabel: undefined });
    const labels: string[] = [];
    const steps: [string, string, string?][] = [
      ['SUBMIT_FOR_REVIEW', AUTHOR],
      ['REQUEST_CHANGES', REVIEWER, 'Typos.'],
      ['SUBMIT_FOR_REVIEW', AUTHOR],
      ['COMPLETE_REVIEW', REVIEWER],
      ['REQUEST_CHANGES', QA, 'Scope too wide.'],
      ['SUBMIT_FOR_REVIEW', AUTHOR],
      ['COMPLETE_REVIEW', REVIEWER],
      ['APPROVE', QA],
    ];
    for (const [type, actorId, reason] of steps) {
      const outcome = act(record, type, actorId, { reason });
      if (!outcome.ok) throw new Error(`${type} refused: ${outcome.detail}`);
      record = outcome.record;
      labels.push(record.versionLabel ?? '0.1');
    }
    expect(labels).toEqual(['0.1', '0.2', '0.2', '0.2', '0.3', '0.3', '0.3', '1.0']);
  });
});

describe('document lifecycle: refusals', () => {
  it.each([
    ['before its effective date', SYSTEM_ACTOR, '2026-03-31T23:59:59.000Z'],
    ['without the server time', SYSTEM_ACTOR, undefined],
    ['by a person', QA, '2026-04-02T08:00:00.000Z'],
  ])('does not become effective %s', (_case, actorId, at) => {
    expect(act(inState('approved'), 'BECOME_EFFECTIVE', actorId, { at })).toMatchObject({
      ok: false,
      code: 'guard_failed',
    });
  });

  it('is superseded only by the system', () => {
    expect(act(inState('effective'), 'SUPERSEDE', QA)).toMatchObject({ ok: false, code: 'guard_failed' });
  });

  it.each([
    ['in_approval', 'APPROVE'],
    ['effective', 'RETIRE'],
  ])('the owner may not sign %s -%s-> (segregation of duties)', (state, event) => {
    expect(act(inState(state), event, AUTHOR, { reason: 'Mine.' })).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
    });
  });

  it.each<[string, string, Partial<ControlledDocument>, string[]]>([
    [
      'draft',
      'SUBMIT_FOR_REVIEW',
      { contentFile: undefined, documentKind: undefined },
      ['/contentFile', '/documentKind'],
    ],
    ['in_review', 'COMPLETE_REVIEW', { contentFile: undefined }, ['/contentFile']],
    [
      'in_approval',
      'APPROVE',
      { effectiveDate: undefined, reviewIntervalMonths: undefined },
      ['/effectiveDate', '/reviewIntervalMonths'],
    ],
    ['approved', 'BECOME_EFFECTIVE', { reviewIntervalMonths: undefined }, ['/reviewIntervalMonths']],
  ])('%s -%s-> refused for missing fields %j', (state, event, changes, pointers) => {
    const outcome = act(inState(state, changes), event, event === 'BECOME_EFFECTIVE' ? SYSTEM_ACTOR : QA, {
      at: '2026-05-01T00:00:00.000Z',
    });
    expect(outcome).toMatchObject({ ok: false, code: 'missing_fields' });
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => error.pointer).sort()).toEqual(pointers.sort());
  });

  it.each([
    ['in_review', 'REQUEST_CHANGES'],
    ['in_approval', 'REQUEST_CHANGES'],
    ['approved', 'RETIRE'],
  ])('%s -%s-> needs a reason', (state, event) => {
    expect(act(inState(state), event, QA)).toMatchObject({ ok: false, code: 'reason_required' });
  });
});

describe('document action bar', () => {
  it('hides the scheduler’s moves from people', () => {
    expect(
      availableEvents(controlledDocument, inState('approved'), { actorId: QA }).map((event) => event.type),
    ).toEqual(['RETIRE']);
    expect(
      availableEvents(controlledDocument, inState('effective'), { actorId: QA }).map((event) => event.type),
    ).toEqual(['CONFIRM_PERIODIC_REVIEW', 'RETIRE']);
  });

  it('asks the reviewer for a review signature, or a reason to send it back', () => {
    expect(availableEvents(controlledDocument, inState('in_review'), { actorId: REVIEWER })).toEqual([
      { type: 'COMPLETE_REVIEW', meta: { signature: 'review' }, enabled: true, refusal: undefined },
      { type: 'REQUEST_CHANGES', meta: { reason: true }, enabled: true, refusal: undefined },
    ]);
  });

  it('shows the author APPROVE disabled for segregation of duties', () => {
    const [approve] = availableEvents(controlledDocument, inState('in_approval'), { actorId: AUTHOR });
    expect(approve).toMatchObject({
      type: 'APPROVE',
      enabled: false,
      refusal: { code: 'segregation_of_duties' },
    });
  });
});

describe('document segregation of duties: author, reviewer and approver are three people', () => {
  /** Someone who neither owns nor created the document: only the chain can bar them. */
  const CONTROLLER = 'user-doc-controller';

  function walk(steps: [type: string, actorId: string, reason?: string][], start = inState('draft')) {
    let record = start;
    for (const [type, actorId, reason] of steps) {
      const outcome = act(record, type, actorId, { reason });
      if (!outcome.ok) throw new Error(`${type} by ${actorId} refused: ${outcome.detail}`);
      record = outcome.record;
    }
    return record;
  }

  it('remembers who submitted the version as its author and who signed its review', () => {
    const inReview = walk([['SUBMIT_FOR_REVIEW', CONTROLLER]]);
    expect(inReview).toMatchObject({ authoredBy: CONTROLLER, reviewedBy: undefined });
    const reviewed = walk([['COMPLETE_REVIEW', REVIEWER]], inReview);
    expect(reviewed).toMatchObject({ authoredBy: CONTROLLER, reviewedBy: REVIEWER });
    expect(walk([['APPROVE', QA]], reviewed)).toMatchObject({
      state: 'approved',
      authoredBy: CONTROLLER,
      reviewedBy: REVIEWER,
    });
  });

  it('refuses a review by the version’s author, naming the role', () => {
    const inReview = walk([['SUBMIT_FOR_REVIEW', CONTROLLER]]);
    expect(act(inReview, 'COMPLETE_REVIEW', CONTROLLER)).toEqual({
      ok: false,
      code: 'segregation_of_duties',
      detail: 'The author of DOC-2026-0001 v0.1 may not also review it.',
      errors: [],
      role: 'author',
      meta: { signature: 'review' },
    });
  });

  it.each([
    ['author', CONTROLLER],
    ['reviewer', REVIEWER],
  ])('refuses an approval by the version’s %s', (role, actorId) => {
    const reviewed = walk(
      [
        ['SUBMIT_FOR_REVIEW', CONTROLLER],
        ['REQUEST_CHANGES', QA, 'Add the drying time.'],
        ['SUBMIT_FOR_REVIEW', CONTROLLER],
        ['COMPLETE_REVIEW', REVIEWER],
      ],
      inState('draft', { versionLabel: '0.1' }),
    );
    expect(act(reviewed, 'APPROVE', actorId)).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
      detail: `The ${role} of DOC-2026-0001 v0.2 may not also approve it.`,
    });
  });

  it('names the reviewer when the reviewer also owns the document: either role bars the approval', () => {
    const reviewed = inState('in_approval', {
      ownerId: REVIEWER,
      authoredBy: CONTROLLER,
      reviewedBy: REVIEWER,
    });
    expect(act(reviewed, 'APPROVE', REVIEWER)).toMatchObject({
      code: 'segregation_of_duties',
      detail: 'The reviewer of DOC-2026-0001 v0.1 may not also approve it.',
    });
    // The owner who reviewed nothing is barred as the owner.
    expect(act(inState('in_approval', { reviewedBy: REVIEWER }), 'APPROVE', AUTHOR)).toMatchObject({
      detail: 'The owner of DOC-2026-0001 may not sign its approval.',
    });
  });

  it('starts a new chain with requested changes: last round’s reviewer may author the next version', () => {
    const reviewed = walk([
      ['SUBMIT_FOR_REVIEW', CONTROLLER],
      ['COMPLETE_REVIEW', REVIEWER],
    ]);
    const sentBack = walk([['REQUEST_CHANGES', QA, 'Scope too wide.']], reviewed);
    expect(sentBack).toMatchObject({ state: 'draft', authoredBy: undefined, reviewedBy: undefined });
    const next = walk(
      [
        ['SUBMIT_FOR_REVIEW', REVIEWER],
        ['COMPLETE_REVIEW', CONTROLLER],
      ],
      sentBack,
    );
    expect(next).toMatchObject({ authoredBy: REVIEWER, reviewedBy: CONTROLLER, versionLabel: '0.2' });
    expect(act(next, 'APPROVE', REVIEWER)).toMatchObject({ code: 'segregation_of_duties' });
    expect(act(next, 'APPROVE', QA)).toMatchObject({ ok: true, to: 'approved' });
  });

  it('shows the reviewer APPROVE disabled with the role that bars them', () => {
    const reviewed = inState('in_approval', { authoredBy: CONTROLLER, reviewedBy: REVIEWER });
    const [approve] = availableEvents(controlledDocument, reviewed, { actorId: REVIEWER });
    expect(approve).toMatchObject({
      type: 'APPROVE',
      enabled: false,
      refusal: {
        code: 'segregation_of_duties',
        detail: 'The reviewer of DOC-2026-0001 v0.1 may not also approve it.',
        role: 'reviewer',
      },
    });
  });

  it('lets no client set the chain: neither a create nor an update input takes it', () => {
    for (const field of ['authoredBy', 'reviewedBy']) {
      expect(controlledDocument.createInput.safeParse({ title: 'SOP', [field]: QA }).success).toBe(false);
      expect(controlledDocument.updateInput.safeParse({ [field]: QA }).success).toBe(false);
    }
    expect(controlledDocument.schema.safeParse({ ...complete, authoredBy: QA }).success).toBe(true);
  });
});
