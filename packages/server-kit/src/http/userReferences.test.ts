/** The people a record names must be active users of the caller's organization, as the host's `activeUsers` says. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, update } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, testPrincipals } from './testing/startTestKit';

/** Olivia's organization also had Dora, who left: her account is deactivated. */
const deactivated = 'dora';
const asked: { orgId: string; userIds: readonly string[] }[] = [];

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({
    qms: {
      activeUsers: async (orgId, userIds) => {
        asked.push({ orgId, userIds });
        return userIds.filter(
          (userId) =>
            userId !== deactivated &&
            Object.values(testPrincipals).some((user) => user.userId === userId && user.orgId === orgId),
        );
      },
    },
  });
}, kitStartTimeout);
afterAll(() => kit.close());

describe('user references on create', () => {
  it('refuses an owner of another organization, and stores nothing', async () => {
    const before = await kit.counts();
    const created = await kit.as('olivia')('/deviations', {
      method: 'POST',
      body: describedDeviation({ ownerId: testPrincipals.greta.userId }),
    });
    expect(created.status).toBe(422);
    expect(created.json.code).toBe('user_not_active');
    expect(created.json.errors).toEqual([
      { pointer: '/ownerId', detail: 'Not an active user of this organization.' },
    ]);
    expect(await kit.counts()).toEqual(before);
    expect(asked.at(-1)).toEqual({ orgId: 'org-a', userIds: ['greta'] });
  });

  it('refuses a deactivated owner', async () => {
    const created = await kit.as('olivia')('/deviations', {
      method: 'POST',
      body: describedDeviation({ ownerId: deactivated }),
    });
    expect(created.status).toBe(422);
    expect(created.json.errors[0].pointer).toBe('/ownerId');
  });

  it('accepts an active colleague as owner', async () => {
    const created = await createRecord(kit, 'olivia', 'deviations', describedDeviation({ ownerId: 'ian' }));
    expect(created.ownerId).toBe('ian');
  });

  it("checks the record type's own user references: an audit's lead auditor", async () => {
    const created = await kit.as('aaron')('/audits', {
      method: 'POST',
      body: { title: 'Supplier audit of Globex', leadAuditorId: 'gus' },
    });
    expect(created.status).toBe(422);
    expect(created.json.errors).toEqual([
      { pointer: '/leadAuditorId', detail: 'Not an active user of this organization.' },
    ]);
  });
});

describe('user references on update', () => {
  it("points at the task whose owner is not an active user, inside the update's changes", async () => {
    const capa = await createRecord(kit, 'quinn', 'capas', { title: 'Recalibrate loggers' });
    const task = (id: string, ownerId: string) => ({ id, title: `Task ${id}`, ownerId, done: false });
    const refused = await update(kit, 'quinn', 'capas', capa, {
      tasks: [task('t1', 'ian'), task('t2', deactivated)],
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([
      { pointer: '/changes/tasks/1/ownerId', detail: 'Not an active user of this organization.' },
    ]);

    const accepted = await update(kit, 'quinn', 'capas', capa, { tasks: [task('t1', 'ian')] });
    expect(accepted.status).toBe(200);
    expect(accepted.json.tasks[0].ownerId).toBe('ian');
  });

  it('asks only about people the change names anew: a record naming someone who has left since stays editable', async () => {
    const capa = await createRecord(kit, 'quinn', 'capas', { title: 'Replace door seals' });
    const withRita = await update(kit, 'quinn', 'capas', capa, {
      tasks: [{ id: 't1', title: 'Order seals', ownerId: 'rita', done: false }],
    });
    expect(withRita.status).toBe(200);
    asked.length = 0;
    const retitled = await update(kit, 'quinn', 'capas', withRita.json, {
      title: 'Replace door seals of cold room 3',
      tasks: [{ id: 't1', title: 'Order seals', ownerId: 'rita', done: true }],
    });
    expect(retitled.status).toBe(200);
    expect(asked).toEqual([]);
  });
});
