/** "My tasks" across CAPAs over HTTP, and the notification an owner gets when assigned. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordScenario, recordScenarios } from '../http/testing/recordScenarios';
import { createRecord, expectOk, transition, update } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, type TestUser } from '../http/testing/startTestKit';
import { CAPA_TASK_ASSIGNED, notifyCapaTaskOwners } from './taskAssignmentNotices';

let kit: TestKit;
const capaDraft = () => (recordScenarios.capa as RecordScenario).draft(kit);

beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

const task = (id: string, title: string, ownerId: string, dueAt: string, done = false) => ({
  id,
  title,
  ownerId,
  dueAt,
  done,
});

async function myTasks(user: TestUser) {
  const mine = await kit.as(user)('/capa-tasks/mine');
  expect(mine.status, mine.text).toBe(200);
  return mine.json.items as {
    capa: { number: string; state: string };
    task: { id: string; title: string };
    overdue: boolean;
  }[];
}

/** Delivers the kit's events so far as the host's outbox delivery would. */
async function deliver(): Promise<number> {
  let written = 0;
  for (const event of kit.events.splice(0)) {
    written += await notifyCapaTaskOwners(kit.storage.db, kit.qms.registry, event);
  }
  return written;
}

async function assignmentsOf(user: string) {
  return kit.storage.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', user)
    .where('kind', '=', CAPA_TASK_ASSIGNED)
    .orderBy('created_at')
    .execute();
}

describe('my CAPA tasks', () => {
  it("lists the caller's open tasks across CAPAs, soonest first, and nobody else's", async () => {
    const first = await createRecord(kit, 'quinn', 'capas', {
      ...(await capaDraft()),
      title: 'Seal replacement',
      tasks: [
        task('a', 'Replace seal', 'rita', '2099-03-01T00:00:00.000Z'),
        task('b', 'Order spare seals', 'rita', '2001-01-01T00:00:00.000Z', true),
        task('c', 'Check logger', 'victor', '2099-01-01T00:00:00.000Z'),
      ],
    });
    const second = await createRecord(kit, 'quinn', 'capas', {
      ...(await capaDraft()),
      tasks: [task('x', 'Train warehouse staff', 'rita', '2001-01-01T00:00:00.000Z')],
    });
    expect((await myTasks('rita')).map((each) => [each.capa.number, each.task.title, each.overdue])).toEqual([
      [second.number, 'Train warehouse staff', true],
      [first.number, 'Replace seal', false],
    ]);
    expect((await myTasks('victor')).map((each) => each.task.id)).toEqual(['c']);
    // Another organization's user sees none of them, even under the same id.
    expect(await myTasks('greta')).toEqual([]);

    // A task marked done leaves the list.
    await expectOk(
      update(kit, 'quinn', 'capas', second, {
        tasks: [task('x', 'Train warehouse staff', 'rita', '2001-01-01T00:00:00.000Z', true)],
      }),
    );
    expect((await myTasks('rita')).map((each) => each.task.id)).toEqual(['a']);
  });

  it('leaves out the tasks of a cancelled CAPA', async () => {
    const capa = await createRecord(kit, 'olivia', 'capas', {
      ...(await capaDraft()),
      tasks: [task('t', 'Never mind', 'aaron', '2099-01-01T00:00:00.000Z')],
    });
    expect(await myTasks('aaron')).toHaveLength(1);
    const cancelled = await transition(kit, 'quinn', 'capas', capa, 'CANCEL', {
      reason: 'Raised twice.',
      sign: 'approval',
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(await myTasks('aaron')).toEqual([]);
  });

  it('tells an owner once when assigned, a new owner when handed over, never the one who assigned', async () => {
    await deliver();
    const capa = await createRecord(kit, 'quinn', 'capas', {
      ...(await capaDraft()),
      tasks: [
        task('t1', 'Replace seal', 'ian', '2099-01-01T00:00:00.000Z'),
        task('t2', 'Self', 'quinn', '2099-01-01T00:00:00.000Z'),
      ],
    });
    const before = (await assignmentsOf('ian')).length;
    expect(await deliver()).toBe(1);
    const [told] = (await assignmentsOf('ian')).slice(before);
    expect(told).toMatchObject({ org_id: 'org-a', record_type: 'capa', record_id: capa.id, body: 't1' });
    expect(told?.title).toBe(`${capa.number}: task "Replace seal" is yours`);
    expect(await assignmentsOf('quinn')).toEqual([]);

    // The owner's own list in the API shows it.
    const notifications = await kit.as('ian')('/notifications');
    expect(notifications.json.items.some((each: { kind: string }) => each.kind === CAPA_TASK_ASSIGNED)).toBe(
      true,
    );

    // A change that leaves the owner as they were tells nobody again; a hand-over tells the new owner.
    const renamed = await expectOk(
      update(kit, 'quinn', 'capas', capa, {
        tasks: [
          task('t1', 'Replace door seal', 'ian', '2099-01-01T00:00:00.000Z'),
          task('t2', 'Self', 'rita', '2099-01-01T00:00:00.000Z'),
        ],
      }),
    );
    expect(renamed.version).toBe(capa.version + 1);
    expect(await deliver()).toBe(1);
    expect((await assignmentsOf('rita')).at(-1)).toMatchObject({ record_id: capa.id, body: 't2' });
    // A repeated delivery of the same events writes nothing twice.
    kit.events.push({
      id: 'again',
      type: 'capa.updated',
      orgId: 'org-a',
      recordType: 'capa',
      recordId: capa.id,
      recordNumber: capa.number,
      actorId: 'quinn',
      at: new Date().toISOString(),
      data: {},
    });
    expect(await deliver()).toBe(0);
  });
});
