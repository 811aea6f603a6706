/** A record type the host registers itself gets the whole API, as the built-in ones do. */
import { hostRegistry as registry } from '@masetra/fixtures';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, expectOk, transition, update } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({ registry });
}, kitStartTimeout);
afterAll(() => kit.close());

describe('a host-registered change control', () => {
  it('is created, listed, read, moved through its lifecycle with a signature, and audited', async () => {
    let record = await createRecord(kit, 'olivia', 'change-controls', { title: 'Replace tablet press 2' });
    expect(record).toMatchObject({ type: 'change_control', state: 'draft', version: 1, ownerId: 'olivia' });
    expect(record.number).toMatch(/^CC-\d{4}-0001$/);

    const listed = await kit.as('victor')('/change-controls?riskClass=high');
    expect(listed.json.items).toEqual([]);
    expect((await kit.as('victor')('/change-controls?q=tablet')).json.items).toEqual([record]);
    const read = await kit.as('victor')(`/change-controls/${record.id}`);
    expect(read.json).toEqual(record);
    expect(read.headers.get('etag')).toBe('"1"');

    const early = await transition(kit, 'olivia', 'change-controls', record, 'SUBMIT');
    expect(early).toMatchObject({ status: 422, json: { code: 'missing_fields' } });
    expect(early.json.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/justification',
      '/riskClass',
    ]);
    record = await expectOk(
      update(kit, 'olivia', 'change-controls', record, {
        justification: 'End of vendor support.',
        riskClass: 'high',
      }),
    );
    record = await expectOk(transition(kit, 'olivia', 'change-controls', record, 'SUBMIT'));
    expect(record.state).toBe('review');
    expect((await kit.as('victor')('/change-controls?riskClass=high')).json.items).toHaveLength(1);

    const byOriginator = await transition(kit, 'olivia', 'change-controls', record, 'APPROVE', {
      sign: 'approval',
    });
    expect(byOriginator.status).toBe(403);
    record = await expectOk(
      transition(kit, 'quinn', 'change-controls', record, 'APPROVE', { sign: 'approval' }),
    );
    expect(record.state).toBe('closed');

    const trail = await kit.as('victor')(`/change-controls/${record.id}/audit-trail`);
    expect(trail.json.items.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'update',
      'transition',
      'transition',
      'signature',
    ]);
    expect(trail.json.items[0].recordType).toBe('change_control');
    const signatures = await kit.as('victor')(`/change-controls/${record.id}/signatures`);
    expect(signatures.json.items).toMatchObject([
      { signerName: 'Quinn QA', meaning: 'approval', event: 'APPROVE' },
    ]);
    const orgTrail = await kit.as('quinn')('/audit-trail?recordType=change_control');
    expect(orgTrail.json.items).toHaveLength(5);
  });

  it('its permissions are its own: an investigator, who may create deviations, may not create one', async () => {
    const refused = await kit.as('ian')('/change-controls', {
      method: 'POST',
      body: { title: 'Not mine to raise' },
    });
    expect(refused.status).toBe(403);
    expect(
      (await kit.as('ian')('/deviations', { method: 'POST', body: { title: 'But this one' } })).status,
    ).toBe(201);
  });

  it('refuses an event its lifecycle does not know, and a field it does not have', async () => {
    const record = await createRecord(kit, 'olivia', 'change-controls', { title: 'Another change' });
    const unknownEvent = await transition(kit, 'olivia', 'change-controls', record, 'SUBMIT_ASSESSMENT');
    expect(unknownEvent).toMatchObject({ status: 422, json: { errors: [{ pointer: '/event' }] } });
    const unknownField = await update(kit, 'olivia', 'change-controls', record, { severity: 'major' });
    expect(unknownField).toMatchObject({ status: 422, json: { errors: [{ pointer: '/changes/severity' }] } });
  });

  it('appears in the OpenAPI document of the kit', async () => {
    const document = await kit.fetch('/openapi.json').then((response) => response.json());
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/change-controls',
        '/change-controls/{id}',
        '/change-controls/{id}/transitions',
      ]),
    );
  });
});

describe("a host's kinds of object", () => {
  const linkHost = (id: string, host: Record<string, string>) =>
    kit.as('olivia')(`/deviations/${id}/links`, { method: 'POST', body: { kind: 'concerns', host } });

  it('takes a concerns link to a declared kind, refuses an undeclared one with 422, writes nothing', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const batch = await linkHost(deviation.id, { system: 'mes', kind: 'batch', id: 'B-24-117' });
    expect(batch.status, batch.text).toBe(201);
    expect(batch.json.host).toEqual({ system: 'mes', kind: 'batch', id: 'B-24-117' });

    const refused = await linkHost(deviation.id, { system: 'mes', kind: 'work_order', id: 'WO-1' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.json).toMatchObject({ code: 'link_not_allowed', errors: [{ pointer: '/host/kind' }] });
    expect(refused.json.detail).toContain('mes/work_order');
    // Nor on create: the record and its links are one transaction.
    const created = await kit.as('olivia')('/deviations', {
      method: 'POST',
      body: {
        ...describedDeviation(),
        links: [{ kind: 'concerns', host: { system: 'erp', kind: 'batch', id: 'X' } }],
      },
    });
    expect(created.status).toBe(422);
    expect(created.json.errors).toEqual([expect.objectContaining({ pointer: '/links/0/host/kind' })]);
    const links = await kit.as('olivia')(`/deviations/${deviation.id}/links`);
    expect(links.json.items).toHaveLength(1);
  });
});

describe('the trace of a record linked to a host type', () => {
  it('leaves out records of a type the caller may not read', async () => {
    const capa = await createRecord(kit, 'quinn', 'capas', { title: 'Review supplier qualification' });
    const changeControl = await createRecord(kit, 'olivia', 'change-controls', { title: 'New supplier' });
    // No kind of link joins a change control to a CAPA yet; a row written as a host's own kind would be.
    await kit.storage.db
      .insertInto('record_links')
      .values({
        id: uuidv7(),
        org_id: 'org-a',
        kind: 'changes',
        from_type: 'capa',
        from_id: capa.id,
        to_type: 'change_control',
        to_system: '',
        to_kind: '',
        to_id: changeControl.id,
        to_label: null,
        created_by: 'quinn',
        created_by_name: 'Quinn QA',
        created_at: new Date().toISOString(),
      })
      .execute();
    const asOlivia = await kit.as('olivia')(`/capas/${capa.id}/trace`);
    expect(asOlivia.json.records.map((record: { type: string }) => record.type)).toEqual([
      'capa',
      'change_control',
    ]);
    // Ian, an investigator, reads CAPAs but not change controls: neither the record nor its link.
    const asIan = await kit.as('ian')(`/capas/${capa.id}/trace`);
    expect(asIan.status).toBe(200);
    expect(asIan.json).toEqual({
      records: [expect.objectContaining({ id: capa.id })],
      links: [],
      truncated: false,
    });
    expect((await kit.as('ian')(`/change-controls/${changeControl.id}/trace`)).status).toBe(403);
  });
});
