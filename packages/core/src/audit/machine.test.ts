import { describe, expect, it } from 'vitest';
import { availableEvents, evaluateTransition } from '../record-type/lifecycle';
import type { LifecycleEvent } from '../record-type/lifecycleEvent';
import type { SignatureMeaning } from '../record-type/signatureMeaning';
import { type Audit, audit } from './index';

const LEAD = 'user-lead-auditor';
const QA = 'user-qa-approver';

/** A supplier audit with everything every state asks for. */
const complete: Audit = {
  id: '01960000-0000-7000-8000-0000000000a1',
  orgId: 'org-acme',
  type: 'audit',
  number: 'AUD-2026-0001',
  state: 'planned',
  version: 2,
  ownerId: LEAD,
  createdBy: LEAD,
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-12T09:00:00.000Z',
  title: 'Supplier audit: excipient manufacturer',
  auditKind: 'supplier',
  scope: 'GMP for excipients: warehousing, QC release, change control.',
  supplierName: 'Lactose Works GmbH',
  leadAuditorId: LEAD,
  plannedStart: '2026-03-09',
  plannedEnd: '2026-03-10',
  summary: 'Two minor findings; supplier remains approved.',
  report: 'Full report ...',
};

function inState(state: string, changes: Partial<Audit> = {}): Audit {
  return { ...complete, state, ...changes };
}

function act(record: Audit, type: string, actorId = LEAD, extra: Partial<LifecycleEvent> = {}) {
  return evaluateTransition(audit, record, { type, actorId, ...extra });
}

const allClosed = { finding: { open: 0, total: 2 } };

interface Move {
  from: string;
  event: string;
  to: string;
  actor?: string;
  reason?: string;
  related?: LifecycleEvent['related'];
  changes?: Partial<Audit>;
  signature?: SignatureMeaning;
  needsReason?: boolean;
}

const moves: Move[] = [
  { from: 'planned', event: 'START', to: 'in_progress' },
  {
    from: 'planned',
    event: 'START',
    to: 'in_progress',
    changes: { auditKind: 'internal', auditee: 'Warehouse', supplierName: undefined },
  },
  { from: 'planned', event: 'CANCEL', to: 'cancelled', reason: 'Supplier delisted.', needsReason: true },
  { from: 'in_progress', event: 'COMPLETE_FIELDWORK', to: 'reporting' },
  {
    from: 'reporting',
    event: 'ISSUE_REPORT',
    to: 'closed',
    actor: QA,
    related: allClosed,
    signature: 'approval',
  },
  {
    from: 'reporting',
    event: 'ISSUE_REPORT',
    to: 'closed',
    actor: QA,
    related: { finding: { open: 0, total: 0 } },
    signature: 'approval',
  },
];

describe('audit lifecycle: every path', () => {
  it.each(moves)('$from -$event-> $to', (move) => {
    const outcome = act(inState(move.from, move.changes), move.event, move.actor, {
      reason: move.reason,
      related: move.related,
    });
    expect(outcome).toMatchObject({ ok: true, from: move.from, to: move.to });
    if (!outcome.ok) return;
    expect(outcome.record.state).toBe(move.to);
    expect(outcome.meta.signature).toBe(move.signature);
    expect(outcome.meta.reason ?? false).toBe(move.needsReason ?? false);
  });
});

describe('audit lifecycle: refusals', () => {
  it('refuses to issue the report while a finding is open', () => {
    const outcome = act(inState('reporting'), 'ISSUE_REPORT', QA, {
      related: { finding: { open: 1, total: 2 } },
    });
    expect(outcome).toMatchObject({
      ok: false,
      code: 'guard_failed',
      detail: 'Every finding of the audit closed.',
    });
  });

  it('refuses to issue the report when the server sent no finding count', () => {
    expect(act(inState('reporting'), 'ISSUE_REPORT', QA)).toMatchObject({ ok: false, code: 'guard_failed' });
  });

  it('the lead auditor who owns the audit may not sign its report', () => {
    expect(act(inState('reporting'), 'ISSUE_REPORT', LEAD, { related: allClosed })).toMatchObject({
      ok: false,
      code: 'segregation_of_duties',
    });
  });

  it.each<[string, string, Partial<Audit>, string[]]>([
    ['planned', 'START', { scope: undefined, leadAuditorId: '' }, ['/scope', '/leadAuditorId']],
    ['planned', 'START', { supplierName: ' ' }, ['/supplierName']],
    ['planned', 'START', { auditKind: 'internal' }, ['/auditee']],
    ['planned', 'START', { plannedEnd: '2026-03-08' }, ['/plannedEnd']],
    ['in_progress', 'COMPLETE_FIELDWORK', { plannedStart: undefined }, ['/plannedStart']],
    ['reporting', 'ISSUE_REPORT', { report: undefined, summary: '' }, ['/report', '/summary']],
  ])('%s -%s-> refused for missing fields %j', (state, event, changes, pointers) => {
    const outcome = act(inState(state, changes), event, QA, { related: allClosed });
    expect(outcome).toMatchObject({ ok: false, code: 'missing_fields' });
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => error.pointer).sort()).toEqual(pointers.sort());
  });

  it('needs a reason to cancel', () => {
    expect(act(inState('planned'), 'CANCEL')).toMatchObject({ ok: false, code: 'reason_required' });
  });
});

describe('audit action bar', () => {
  it('shows ISSUE_REPORT disabled while findings are open, with what it needs', () => {
    const [issue] = availableEvents(audit, inState('reporting'), {
      actorId: QA,
      related: { finding: { open: 2, total: 3 } },
    });
    expect(issue).toMatchObject({
      type: 'ISSUE_REPORT',
      enabled: false,
      meta: { signature: 'approval' },
      refusal: { code: 'guard_failed', detail: 'Every finding of the audit closed.' },
    });
  });

  it('shows ISSUE_REPORT enabled once every finding is closed', () => {
    const [issue] = availableEvents(audit, inState('reporting'), { actorId: QA, related: allClosed });
    expect(issue).toMatchObject({ type: 'ISSUE_REPORT', enabled: true });
  });
});
