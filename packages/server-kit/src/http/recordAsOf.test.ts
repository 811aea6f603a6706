/**
 * `GET /{collection}/{id}?asOf=`: a record as it stood at any earlier moment, rebuilt from its
 * audit trail alone (PART11 item 4), on both drivers (PGlite, and PostgreSQL with TEST_DATABASE_URL).
 */
import { recordRoutes } from '@masetra/core';
import { hostRegistry as registry } from '@masetra/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, expectOk, transition, update } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, type TestUser } from './testing/startTestKit';

let kit: TestKit;
/** The server clock, moved on by the tests so that every write has its own moment. */
let clock = Date.parse('2026-05-01T09:00:00.000Z');
const later = (minutes = 10) => {
  clock += minutes * 60_000;
};
const shifted = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

beforeAll(async () => {
  kit = await startTestKit({ registry, qms: { clock: () => new Date(clock) } });
}, kitStartTimeout);
afterAll(() => kit.close());

const readAsOf = (user: TestUser, collection: string, id: string, asOf: string) =>
  kit.as(user)(`/${collection}/${id}?asOf=${encodeURIComponent(asOf)}`);

/** Every version a write answered with is what `asOf` gives at its moment and until the next. */
async function expectEveryVersionRebuilt(collection: string, versions: { id: string; updatedAt: string }[]) {
  const recordType = registry.byCollection(collection);
  if (!recordType) throw new Error(`no record type serves ${collection}`);
  const contract = recordRoutes(recordType).get;
  for (const [index, version] of versions.entries()) {
    const { id } = version;
    for (const asOf of [version.updatedAt, shifted(version.updatedAt, 5 * 60_000)]) {
      const read = await readAsOf('victor', collection, id, asOf);
      expect(read.status, `${collection} v${index + 1} at ${asOf}: ${read.text}`).toBe(200);
      expect(read.json, `${collection} v${index + 1} at ${asOf}`).toEqual(version);
      expect(contract.response.safeParse(read.json).success).toBe(true);
      // A past version is no base for a change: no ETag to send back in If-Match.
      expect(read.headers.get('etag')).toBeNull();
    }
  }
}

describe('a record read as of a moment', () => {
  it('gives each version of a deviation exactly as it was: created, changed twice, moved, signed', async () => {
    const versions = [];
    let deviation = await createRecord(
      kit,
      'olivia',
      'deviations',
      describedDeviation({ area: 'Warehouse' }),
    );
    versions.push(deviation);
    later();
    deviation = await expectOk(update(kit, 'olivia', 'deviations', deviation, { area: 'Cold room 2' }));
    versions.push(deviation);
    later();
    deviation = await expectOk(
      update(kit, 'olivia', 'deviations', deviation, {
        description: 'Logger showed 9.4 °C for 55 min.',
        immediateActions: 'Stock moved to cold room 1.',
      }),
    );
    versions.push(deviation);
    later();
    deviation = await expectOk(transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT'));
    versions.push(deviation);
    later();
    // Entries about the record that are not fields of it: a file and a remark.
    const attached = await kit.as('olivia')(`/deviations/${deviation.id}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-file-name': 'logger.txt' },
      body: '09:00 9.4 °C',
    });
    expect(attached.status).toBe(201);
    const commented = await kit.as('quinn')(`/deviations/${deviation.id}/comments`, {
      method: 'POST',
      body: { body: 'Check the door seal.' },
    });
    expect(commented.status).toBe(201);
    later();
    deviation = await expectOk(transition(kit, 'quinn', 'deviations', deviation, 'SUBMIT_ASSESSMENT'));
    versions.push(deviation);
    later();
    deviation = await expectOk(
      transition(kit, 'quinn', 'deviations', deviation, 'APPROVE', { sign: 'approval' }),
    );
    versions.push(deviation);
    expect(versions.map((version) => `${version.version} ${version.state}`)).toEqual([
      '1 draft',
      '2 draft',
      '3 draft',
      '4 in_assessment',
      '5 in_approval',
      '6 closed',
    ]);

    await expectEveryVersionRebuilt('deviations', versions);
    // Between the two changes: the first change in, the second not yet.
    const betweenChanges = await readAsOf(
      'victor',
      'deviations',
      deviation.id,
      shifted(versions[2].updatedAt, -1),
    );
    expect(betweenChanges.json).toMatchObject({
      area: 'Cold room 2',
      description: 'Logger showed 9.1 °C for 40 min.',
      state: 'draft',
      version: 2,
    });
    expect(betweenChanges.json).not.toHaveProperty('immediateActions');

    // Now, the rebuilt record is the stored one, and attachments, comments and the signature
    // are not fields of it.
    const current = await kit.as('victor')(`/deviations/${deviation.id}`);
    const now = await readAsOf('victor', 'deviations', deviation.id, '2099-01-01T00:00:00.000Z');
    expect(now.json).toEqual(current.json);
    for (const field of ['attachments', 'comments', 'signature', 'signatures']) {
      expect(now.json).not.toHaveProperty(field);
    }
    expect(
      (await kit.as('victor')(`/deviations/${deviation.id}/audit-trail`)).json.items.map(
        (entry: { action: string }) => entry.action,
      ),
    ).toEqual([
      'create',
      'update',
      'update',
      'transition',
      'attachment',
      'comment',
      'transition',
      'transition',
      'signature',
    ]);
  });

  it('does the same for a record type the host registered', async () => {
    later();
    const versions = [];
    let change = await createRecord(kit, 'olivia', 'change-controls', { title: 'Replace tablet press 2' });
    versions.push(change);
    later();
    change = await expectOk(
      update(kit, 'olivia', 'change-controls', change, { justification: 'End of vendor support.' }),
    );
    versions.push(change);
    later();
    change = await expectOk(update(kit, 'olivia', 'change-controls', change, { riskClass: 'high' }));
    versions.push(change);
    later();
    change = await expectOk(transition(kit, 'olivia', 'change-controls', change, 'SUBMIT'));
    versions.push(change);
    expect(change).toMatchObject({ state: 'review', version: 4 });
    await expectEveryVersionRebuilt('change-controls', versions);
  });

  it('is a 404 before the record existed, and for another organization', async () => {
    later();
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const before = await readAsOf('victor', 'deviations', deviation.id, shifted(deviation.createdAt, -1));
    expect(before.status).toBe(404);
    expect(before.headers.get('content-type')).toBe('application/problem+json');
    expect(before.json.detail).toContain(deviation.number);
    const atCreation = await readAsOf('victor', 'deviations', deviation.id, deviation.createdAt);
    expect(atCreation.json).toEqual(deviation);
    const otherOrganization = await readAsOf('greta', 'deviations', deviation.id, deviation.createdAt);
    expect(otherOrganization.status).toBe(404);
  });

  it('takes a time with an offset as the same moment in UTC', async () => {
    later();
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    later();
    await expectOk(update(kit, 'olivia', 'deviations', deviation, { area: 'Lab 4' }));
    const utc = Date.parse(deviation.createdAt) + 60_000;
    const withOffset = new Date(utc + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    const read = await readAsOf('victor', 'deviations', deviation.id, withOffset);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(deviation);
  });

  it.each([
    ['yesterday', 'asOf=yesterday'],
    ['a date without a time', 'asOf=2026-05-01'],
    ['an impossible date', 'asOf=2026-02-30T10:00:00Z'],
    ['an empty value', 'asOf='],
    ['an unknown parameter', 'asof=2026-05-01T09:00:00Z'],
  ])('refuses %s as an invalid query, with a pointer to it', async (_, query) => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const refused = await kit.as('victor')(`/deviations/${deviation.id}?${query}`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.json.errors).toEqual([expect.objectContaining({ pointer: `/${query.split('=')[0]}` })]);
  });
});
