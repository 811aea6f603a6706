import { describe, expect, it } from 'vitest';
import { capaOverdueTasks, capaTasksAllDone } from './tasks';

describe('capaTasksAllDone', () => {
  it.each([
    [[], false],
    [undefined, false],
    [[{ done: true }], true],
    [[{ done: true }, { done: false }], false],
    [[{ done: true }, { done: true }], true],
  ])('%j -> %s', (tasks, expected) => {
    expect(capaTasksAllDone({ tasks })).toBe(expected);
  });
});

describe('capaOverdueTasks', () => {
  it('lists the open tasks whose due date has passed', () => {
    const tasks = [
      { id: 'late', done: false, dueAt: '2026-03-01T17:00:00.000Z' },
      { id: 'late-but-done', done: true, dueAt: '2026-03-01T17:00:00.000Z' },
      { id: 'upcoming', done: false, dueAt: '2026-04-01T17:00:00.000Z' },
      { id: 'undated', done: false },
    ];
    expect(capaOverdueTasks({ tasks }, '2026-03-15T08:00:00.000Z').map((task) => task.id)).toEqual(['late']);
  });
});
