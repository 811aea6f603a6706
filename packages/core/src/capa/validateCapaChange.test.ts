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

  it.each(['pending', 'approved', 'rejected'] as const)(
    'refuses a move even to the date of a %s extension request: only APPROVE_EXTENSION moves it',
    (status) => {
      const before = capaIn('implementation', { extensionRequests: [request('x1', 't2', MAY, status)] });
      const issues = validateCapaChange(before, { tasks: [task('t1', MARCH), task('t2', MAY)] });
      expect(pointers(issues)).toEqual(['/tasks/1/dueAt']);
    },
  );

  it('refuses a new due date of the CAPA itself, and takes the same instant written otherwise', () => {
    const before = capaIn('effectiveness_check', { dueAt: APRIL });
    expect(pointers(validateCapaChange(before, { dueAt: MAY }))).toEqual(['/dueAt']);
    expect(validateCapaChange(before, { dueAt: '2026-04-15T17:00:00Z' })).toEqual([]);
    expect(validateCapaChange(capaIn('plan_approval', { dueAt: APRIL }), { dueAt: MAY })).toEqual([]);
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
  it.each(['draft', 'implementation'])(
    'refuses any change of them in %s: they are lifecycle steps',
    (state) => {
      const changes = { extensionRequests: [request('x1', 't2', MAY, 'pending')] };
      expect(pointers(validateCapaChange(capaIn(state), changes))).toEqual(['/extensionRequests']);
    },
  );
});
