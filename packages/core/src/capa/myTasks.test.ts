import { describe, expect, it } from 'vitest';
import { newlyAssignedTasks, openTasksOf } from './myTasks';

const capa = (
  number: string,
  tasks: { id: string; title: string; ownerId?: string; dueAt?: string; done: boolean }[],
) => ({
  id: `id-${number}`,
  number,
  title: `Plan ${number}`,
  state: 'implementation',
  tasks,
});

describe('my CAPA tasks', () => {
  it("lists only the owner's open tasks, soonest due first, undated last, overdue marked", () => {
    const tasks = openTasksOf(
      [
        capa('CAPA-2', [
          { id: 't1', title: 'Later', ownerId: 'ann', dueAt: '2026-06-30T00:00:00.000Z', done: false },
          { id: 't2', title: 'Done', ownerId: 'ann', dueAt: '2026-01-01T00:00:00.000Z', done: true },
          { id: 't3', title: 'Not hers', ownerId: 'bob', dueAt: '2026-01-01T00:00:00.000Z', done: false },
        ]),
        capa('CAPA-1', [
          { id: 't4', title: 'Undated', ownerId: 'ann', done: false },
          { id: 't5', title: 'Overdue', ownerId: 'ann', dueAt: '2026-02-01T00:00:00.000Z', done: false },
        ]),
      ],
      'ann',
      '2026-03-01T00:00:00.000Z',
    );
    expect(tasks.map((each) => [each.capa.number, each.task.title, each.overdue])).toEqual([
      ['CAPA-1', 'Overdue', true],
      ['CAPA-2', 'Later', false],
      ['CAPA-1', 'Undated', false],
    ]);
  });

  it('names new owners of open tasks, never the one who assigned them', () => {
    const before = { tasks: [{ id: 't1', ownerId: 'ann', done: false }] };
    const after = {
      tasks: [
        { id: 't1', title: 'Same owner', ownerId: 'ann', done: false },
        { id: 't2', title: 'New task', ownerId: 'bob', done: false },
        { id: 't3', title: 'Own task', ownerId: 'carl', done: false },
        { id: 't4', title: 'Already done', ownerId: 'dora', done: true },
      ],
    };
    expect(newlyAssignedTasks(before, after, 'carl')).toEqual([
      { taskId: 't2', title: 'New task', ownerId: 'bob' },
    ]);
    expect(newlyAssignedTasks(null, after, 'x').map((each) => each.ownerId)).toEqual(['ann', 'bob', 'carl']);
  });
});
