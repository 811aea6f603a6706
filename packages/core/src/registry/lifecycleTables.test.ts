import { describe, expect, it } from 'vitest';
import { defaultRoleNames } from '../permissions/roles';
import type { RecordOf, RecordType } from '../record-type/defineRecordType';
import { evaluateTransition, initialStateOf } from '../record-type/lifecycle';
import { recordTypes } from './recordTypes';

/** DESIGN's lifecycles, written out by hand: each state and the events it accepts. */
const lifecycles: Record<keyof typeof recordTypes, Record<string, string[]>> = {
  deviation: {
    draft: ['SUBMIT', 'REQUEST_CANCELLATION'],
    in_assessment: ['SUBMIT_ASSESSMENT', 'REQUEST_CANCELLATION'],
    in_approval: ['APPROVE', 'REJECT', 'REQUEST_CANCELLATION'],
    in_investigation: ['SUBMIT_INVESTIGATION', 'REQUEST_CANCELLATION'],
    in_final_approval: ['APPROVE_FINAL', 'REJECT_FINAL', 'REQUEST_CANCELLATION'],
    pending_cancellation: ['APPROVE_CANCELLATION', 'REJECT_CANCELLATION'],
    closed: [],
    cancelled: [],
  },
  capa: {
    draft: ['SUBMIT_PLAN', 'CANCEL'],
    plan_approval: ['APPROVE_PLAN', 'REJECT_PLAN', 'CANCEL'],
    // Due dates are locked from the plan's approval on: extension requests move them.
    implementation: [
      'COMPLETE_IMPLEMENTATION',
      'REQUEST_EXTENSION',
      'APPROVE_EXTENSION',
      'REFUSE_EXTENSION',
      'CANCEL',
    ],
    effectiveness_check: [
      'CONFIRM_EFFECTIVE',
      'REPORT_NOT_EFFECTIVE',
      'REQUEST_EXTENSION',
      'APPROVE_EXTENSION',
      'REFUSE_EXTENSION',
      'CANCEL',
    ],
    closed: [],
    cancelled: [],
  },
  document: {
    draft: ['SUBMIT_FOR_REVIEW'],
    in_review: ['COMPLETE_REVIEW', 'REQUEST_CHANGES'],
    in_approval: ['APPROVE', 'REQUEST_CHANGES'],
    approved: ['BECOME_EFFECTIVE', 'RETIRE'],
    effective: ['CONFIRM_PERIODIC_REVIEW', 'SUPERSEDE', 'RETIRE'],
    superseded: [],
    obsolete: [],
  },
  audit: {
    planned: ['START', 'CANCEL'],
    in_progress: ['COMPLETE_FIELDWORK'],
    reporting: ['ISSUE_REPORT'],
    closed: [],
    cancelled: [],
  },
  finding: {
    open: ['SUBMIT_RESPONSE'],
    response_submitted: ['VERIFY', 'REJECT_RESPONSE'],
    closed: [],
  },
};

function bareRecord(recordType: RecordType, state: string): RecordOf<RecordType> {
  return {
    id: '01960000-0000-7000-8000-000000000099',
    orgId: 'org-acme',
    type: recordType.name,
    number: `${recordType.numberPrefix}-2026-0099`,
    state,
    version: 1,
    ownerId: 'user-owner',
    createdBy: 'user-owner',
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    title: 'Bare record',
  };
}

/** Moves a scheduled job takes, never a person (DESIGN): no role is granted them. */
const systemEvents: Partial<Record<keyof typeof recordTypes, string[]>> = {
  document: ['BECOME_EFFECTIVE', 'SUPERSEDE'],
};

describe.each(Object.entries(lifecycles))('%s lifecycle table', (name, table) => {
  const recordType: RecordType = recordTypes[name as keyof typeof recordTypes];
  const states = Object.keys(table);

  it('has exactly the states and events DESIGN names', () => {
    expect(recordType.states).toEqual(states);
    expect(initialStateOf(recordType)).toBe(states[0]);
    expect([...recordType.events].sort()).toEqual([...new Set(Object.values(table).flat())].sort());
    expect(recordType.finalStates).toEqual(states.filter((state) => table[state]?.length === 0));
  });

  it('grants every move a person takes to some role, and the system’s moves to none', () => {
    const system = systemEvents[name as keyof typeof recordTypes] ?? [];
    for (const event of recordType.events) {
      const roles = recordType.permissions.events[event];
      if (system.includes(event)) {
        expect(roles, event).toEqual([]);
      } else {
        expect(roles?.length, event).toBeGreaterThan(0);
        expect(defaultRoleNames, event).toEqual(expect.arrayContaining([...(roles ?? [])]));
      }
    }
  });

  const cases = states.flatMap((state) =>
    recordType.events.map((event) => [state, event, table[state]!.includes(event)] as const),
  );

  it.each(cases)('%s: %s accepted by the state: %s', (state, event, accepted) => {
    const outcome = evaluateTransition(recordType, bareRecord(recordType, state), {
      type: event,
      actorId: 'user-other',
    });
    if (accepted) expect(outcome.ok || outcome.code).not.toBe('not_allowed_in_state');
    else expect(outcome).toMatchObject({ ok: false, code: 'not_allowed_in_state' });
  });
});
