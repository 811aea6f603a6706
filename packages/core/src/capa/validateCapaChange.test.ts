import { describe, expect, it } from 'vitest';
import type { Capa } from './index';
import { validateCapaChange } from './validateCapaChange';

const task = (id: string, dueAt: string, done = false) => ({
  id,
  title: `Task ${id}`,
  ownerId: 'user-engineer',
  dueAt,
  done,
});
const request = (
  id: string,
  taskId: string,
  newDueAt: string,
  status: 'pending' | 'approved' | 'rejected',
) => ({
  id,
  taskId,
  newDueAt,
  reason: 'Spare punches delayed by the supplier.',
  status,
});

const MARCH = '2026-03-20T17:00:00.000Z';
const APRIL = '2026-04-15T17:00:00.000Z';
const MAY = '2026-05-15T17:00:00.000Z';

function capaIn(state: string, changes: Partial<Capa> = {}): Capa {
  return {
    id: '01960000-0000-7000-8000-0000000000c1',
    orgId: 'org-acme',
    type: 'capa',
    number: 'CAPA-2026-0001',
    state,
    version: 7,
    ownerId: 'user-investigator',
    createdBy: 'user-investigator',
    createdAt: '2026-03-04T10:00:00.000Z',
    updatedAt: '2026-03-10T10:00:00.000Z',
    title: 'Replace worn punches',
    tasks: [task('t1', MARCH), task('t2', APRIL)],
    ...changes,
  };
}

const pointers = (issues: { pointer: string }[]) => issues.map((issue) => issue.pointer);

describe('validateCapaChange: due dates before the plan is approved', () => {
  it.each(['draft', 'plan_approval'])('lets %s move due dates and drop tasks freely', (state) => {
    expect(validateCapaChange(capaIn(state), { tasks: [task('t1', MAY)] })).toEqual([]);
  });
});

describe('validateCapaChange: once the plan is approved', () => {
  it.each(['implementation', 'effectiveness_check', 'closed', 'cancelled'])(
    'refuses a new due date in %s',
    (state) => {
      const issues = validateCapaChange(capaIn(state), { tasks: [task('t1', MARCH), task('t2', MAY)] });
      expect(pointers(issues)).toEqual(['/tasks/1/dueAt']);
    },
  );

  it('moves a due date to the date of an approved extension request', () => {
    const before = capaIn('implementation', { extensionRequests: [request('x1', 't2', MAY, 'approved')] });
    expect(validateCapaChange(before, { tasks: [task('t1', MARCH), task('t2', MAY)] })).toEqual([]);
  });

  it('moves a due date when the same change approves a pending extension request', () => {
    const before = capaIn('implementation', { extensionRequests: [request('x1', 't2', MAY, 'pending')] });
    const changes = {
      tasks: [task('t1', MARCH), task('t2', MAY)],
      extensionRequests: [request('x1', 't2', MAY, 'approved')],
    };
    expect(validateCapaChange(before, changes)).toEqual([]);
  });

  it.each([
    ['pending', 't2', MAY],
    ['rejected', 't2', MAY],
    ['approved', 't1', MAY],
    ['approved', 't2', '2026-05-16T17:00:00.000Z'],
  ] as const)('refuses a move backed by a %s request for %s to %s', (status, taskId, newDueAt) => {
    const before = capaIn('implementation', { extensionRequests: [request('x1', taskId, newDueAt, status)] });
    const issues = validateCapaChange(before, { tasks: [task('t1', MARCH), task('t2', MAY)] });
    expect(pointers(issues)).toEqual(['/tasks/1/dueAt']);
  });

  it('refuses removing a task, and accepts adding one', () => {
    expect(pointers(validateCapaChange(capaIn('implementation'), { tasks: [task('t2', APRIL)] }))).toEqual([
      '/tasks',
    ]);
    const added = [task('t1', MARCH), task('t2', APRIL), task('t3', MAY)];
    expect(validateCapaChange(capaIn('implementation'), { tasks: added })).toEqual([]);
  });

  it('lets tasks be marked done and reassigned', () => {
    const changes = {
      tasks: [
        { ...task('t1', MARCH, true), doneAt: '2026-03-19T12:00:00.000Z' },
        { ...task('t2', APRIL), ownerId: 'user-other' },
      ],
    };
    expect(validateCapaChange(capaIn('implementation'), changes)).toEqual([]);
  });

  it('leaves changes that do not touch tasks alone', () => {
    expect(
      validateCapaChange(capaIn('implementation'), { effectivenessEvidence: 'Trend chart attached.' }),
    ).toEqual([]);
  });
});

describe('validateCapaChange: extension requests', () => {
  it('refuses a new request that arrives already approved', () => {
    const changes = {
      extensionRequests: [request('x1', 't2', MAY, 'approved')],
      tasks: [task('t1', MARCH), task('t2', MAY)],
    };
    expect(pointers(validateCapaChange(capaIn('implementation'), changes))).toEqual([
      '/extensionRequests/0/status',
      '/tasks/1/dueAt',
    ]);
  });

  it('accepts a new pending request', () => {
    const changes = { extensionRequests: [request('x1', 't2', MAY, 'pending')] };
    expect(validateCapaChange(capaIn('implementation'), changes)).toEqual([]);
  });

  it.each(['approved', 'rejected'] as const)('keeps a %s request as decided', (status) => {
    const before = capaIn('implementation', { extensionRequests: [request('x1', 't2', MAY, status)] });
    const flipped = status === 'approved' ? 'rejected' : 'approved';
    expect(
      pointers(validateCapaChange(before, { extensionRequests: [request('x1', 't2', MAY, flipped)] })),
    ).toEqual(['/extensionRequests/0']);
    expect(pointers(validateCapaChange(before, { extensionRequests: [] }))).toEqual(['/extensionRequests']);
  });

  it('refuses changing the date a pending request asks for', () => {
    const before = capaIn('implementation', { extensionRequests: [request('x1', 't2', MAY, 'pending')] });
    const changes = { extensionRequests: [request('x1', 't2', '2026-07-01T17:00:00.000Z', 'approved')] };
    expect(pointers(validateCapaChange(before, changes))).toEqual(['/extensionRequests/0']);
  });
});
