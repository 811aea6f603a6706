/** A record type the host registers itself gets the whole API, as the built-in ones do. */
import { hostRegistry as registry } from '@masetra/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, expectOk, transition, update } from './testing/recordSteps';
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
