/**
 * Issue 14, saved reports over HTTP on both drivers: create, read, run, change and delete; seen
 * by the creator and by the roles it is shared with, changed by the creator or an administrator,
 * If-Match on every change, each write in the audit trail, refusals as problem+json that wrote
 * nothing, and no organization reaching another's.
 */
import { PROBLEM_CONTENT_TYPE } from '@masetra/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, type TestResponse } from '../http/testing/startTestKit';

const NOW = new Date('2030-06-01T12:00:00.000Z');

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({ qms: { clock: () => NOW } });
  await createRecord(kit, 'olivia', 'deviations', describedDeviation({ severity: 'major' }));
  await createRecord(kit, 'olivia', 'deviations', describedDeviation({ severity: 'minor' }));
  await createRecord(kit, 'olivia', 'deviations', describedDeviation({ severity: 'major', area: 'QC lab' }));
  await createRecord(kit, 'greta', 'deviations', describedDeviation({ severity: 'critical' }));
}, kitStartTimeout);
afterAll(() => kit.close());

const majorBySeverity = {
  name: 'Major deviations by area',
  recordType: 'deviation',
  filters: { severity: 'major,critical', createdFrom: '2030-01-01T00:00:00.000Z' },
  groupBy: 'area',
  metric: 'count',
  columns: ['key', 'count'],
  chart: 'bar',
  sharedWithRoles: ['auditor'],
};

async function savedCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM saved_reports`.execute(
    kit.storage.db,
  );
  return Number(rows[0]?.n);
}

async function trailOf(id: string) {
  return kit.storage.db
    .selectFrom('audit_trail')
    .select(['action', 'actor_id', 'record_type', 'changes'])
    .where('record_id', '=', id)
    .orderBy('seq')
    .execute();
}

/** A refusal as problem+json that changed neither the saved reports nor the trail. */
async function expectRefused(status: number, send: () => Promise<TestResponse>): Promise<TestResponse> {
  const before = { saved: await savedCount(), counts: await kit.counts() };
  const response = await send();
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
  expect({ saved: await savedCount(), counts: await kit.counts() }).toEqual(before);
  return response;
}

describe('saved reports', () => {
  it('are created, shared by role, run, changed with If-Match and deleted, each write audited', async () => {
    const created = await kit.as('rita')('/saved-reports', { method: 'POST', body: majorBySeverity });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const report = created.json;
    expect(report).toMatchObject({
      ...majorBySeverity,
      cycleFrom: null,
      cycleTo: null,
      createdBy: 'rita',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      version: 1,
    });

    // Seen by its creator and by auditors; not by a viewer, nor by another organization.
    expect(
      (await kit.as('rita')('/saved-reports')).json.items.map((item: { id: string }) => item.id),
    ).toEqual([report.id]);
    expect((await kit.as('aaron')(`/saved-reports/${report.id}`)).json).toEqual(report);
    expect((await kit.as('aaron')('/saved-reports')).json.items).toHaveLength(1);
    expect((await kit.as('victor')('/saved-reports')).json.items).toEqual([]);
    await expectRefused(404, () => kit.as('victor')(`/saved-reports/${report.id}`));
    await expectRefused(404, () => kit.as('greta')(`/saved-reports/${report.id}`));
    await expectRefused(404, () => kit.as('greta')(`/saved-reports/${report.id}/result`));

    // Run, it answers what the report route answers for the same query.
    const result = await kit.as('aaron')(`/saved-reports/${report.id}/result`);
    const direct = await kit.as('aaron')(
      `/reports/deviations?severity=major,critical&createdFrom=2030-01-01T00:00:00.000Z&groupBy=area&metric=count`,
    );
    expect(result.json).toEqual(direct.json);
    expect(result.json.rows).toEqual([
      { key: 'QC lab', count: 1 },
      { key: 'Warehouse', count: 1 },
    ]);

    // Changed only by its creator or an administrator, only at the version read.
    await expectRefused(403, () =>
      kit.as('aaron')(`/saved-reports/${report.id}`, {
        method: 'PATCH',
        headers: { 'if-match': '"1"' },
        body: { chart: 'pie' },
      }),
    );
    await expectRefused(428, () =>
      kit.as('rita')(`/saved-reports/${report.id}`, { method: 'PATCH', body: { chart: 'pie' } }),
    );
    const changed = await kit.as('rita')(`/saved-reports/${report.id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"1"' },
      body: { chart: 'pie', sharedWithRoles: ['auditor', 'viewer'] },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.json).toMatchObject({ chart: 'pie', sharedWithRoles: ['auditor', 'viewer'], version: 2 });
    expect((await kit.as('victor')(`/saved-reports/${report.id}`)).status).toBe(200);
    await expectRefused(412, () =>
      kit.as('rita')(`/saved-reports/${report.id}`, {
        method: 'PATCH',
        headers: { 'if-match': '"1"' },
        body: { name: 'x' },
      }),
    );
    const byAdmin = await kit.as('adam')(`/saved-reports/${report.id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"2"' },
      body: { name: 'Major deviations per area' },
    });
    expect(byAdmin.status, byAdmin.text).toBe(200);

    await expectRefused(412, () =>
      kit.as('rita')(`/saved-reports/${report.id}`, { method: 'DELETE', headers: { 'if-match': '"2"' } }),
    );
    const deleted = await kit.as('rita')(`/saved-reports/${report.id}`, {
      method: 'DELETE',
      headers: { 'if-match': '"3"' },
    });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.json).toMatchObject({ id: report.id, name: 'Major deviations per area', version: 3 });
    await expectRefused(404, () => kit.as('rita')(`/saved-reports/${report.id}`));

    const trail = await trailOf(report.id);
    expect(trail.map((entry) => [entry.record_type, entry.action, entry.actor_id])).toEqual([
      ['saved_report', 'create', 'rita'],
      ['saved_report', 'update', 'rita'],
      ['saved_report', 'update', 'adam'],
      ['saved_report', 'delete', 'rita'],
    ]);
    expect(trail[1]?.changes).toEqual([
      { field: 'chart', old: 'bar', new: 'pie' },
      { field: 'sharedWithRoles', old: ['auditor'], new: ['auditor', 'viewer'] },
    ]);
    expect(trail[3]?.changes).toContainEqual({ field: 'name', old: 'Major deviations per area', new: null });
    const chain = await kit.as('quinn')('/audit-trail/verify');
    expect(chain.json).toMatchObject({ ok: true });
  });

  it('refuses a report its record type cannot run with a 422 naming the field, writing nothing', async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ groupBy: 'colour' }, '/groupBy'],
      [{ metric: 'sum' }, '/metric'],
      [{ filters: { colour: 'red' } }, '/filters/colour'],
      [{ filters: { createdFrom: 'last week' } }, '/filters/createdFrom'],
      [{ filters: { groupBy: 'area' } }, '/filters/groupBy'],
      [{ recordType: 'widget' }, '/recordType'],
      [{ columns: ['key', 'colour'] }, '/columns/1'],
      [{ sharedWithRoles: ['nobody'] }, '/sharedWithRoles/0'],
      [{ metric: 'cycleTime', cycleTo: 'finished' }, '/cycleTo'],
      [{ metric: 'openedClosed', groupBy: 'severity' }, '/groupBy'],
      [{ recordType: 'audit', metric: 'overdue' }, '/metric'],
      [{ chart: 'radar' }, '/chart'],
      [{ name: '' }, '/name'],
    ];
    for (const [change, pointer] of refusals) {
      const response = await expectRefused(422, () =>
        kit.as('rita')('/saved-reports', { method: 'POST', body: { ...majorBySeverity, ...change } }),
      );
      expect(
        response.json.errors.map((error: { pointer: string }) => error.pointer),
        JSON.stringify(change),
      ).toContain(pointer);
    }
    const saved = await kit.as('rita')('/saved-reports', {
      method: 'POST',
      body: { name: 'Per month', recordType: 'deviation', groupBy: 'month' },
    });
    expect(saved.status).toBe(201);
    await expectRefused(422, () =>
      kit.as('rita')(`/saved-reports/${saved.json.id}`, {
        method: 'PATCH',
        headers: { 'if-match': '"1"' },
        body: { groupBy: 'colour' },
      }),
    );
    await expectRefused(422, () =>
      kit.as('rita')(`/saved-reports/${saved.json.id}`, {
        method: 'PATCH',
        headers: { 'if-match': '"1"' },
        body: { recordType: 'capa' },
      }),
    );
  });

  it('keeps to the permission matrix and to the organization', async () => {
    // A viewer reads reports but saves none.
    await expectRefused(403, () =>
      kit.as('victor')('/saved-reports', { method: 'POST', body: majorBySeverity }),
    );
    const mine = await kit.as('greta')('/saved-reports', {
      method: 'POST',
      body: {
        name: 'Org B by severity',
        recordType: 'deviation',
        groupBy: 'severity',
        sharedWithRoles: ['qa_reviewer'],
      },
    });
    expect(mine.status, mine.text).toBe(201);
    // Rita is a qa_reviewer too, but of another organization.
    expect(
      (await kit.as('rita')('/saved-reports')).json.items.map((item: { name: string }) => item.name),
    ).not.toContain('Org B by severity');
    await expectRefused(404, () =>
      kit.as('adam')(`/saved-reports/${mine.json.id}`, {
        method: 'PATCH',
        headers: { 'if-match': '"1"' },
        body: { name: 'Mine' },
      }),
    );
    await expectRefused(404, () =>
      kit.as('adam')(`/saved-reports/${mine.json.id}`, { method: 'DELETE', headers: { 'if-match': '"1"' } }),
    );
    expect((await kit.as('greta')(`/saved-reports/${mine.json.id}/result`)).json.rows).toEqual([
      { key: 'critical', count: 1 },
    ]);
    await expectRefused(404, () => kit.as('greta')('/saved-reports/not-a-uuid'));
  });
});
