/** Typed links between records over HTTP: the checks, both trails, and create-with-link in one transaction. */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordScenario, recordScenarios } from './testing/recordScenarios';
import { createRecord, describedDeviation, expectOk, transition } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
const scenario = (name: string) => recordScenarios[name] as RecordScenario;
const capaDraft = () => scenario('capa').draft(kit);

beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

async function trailOf(collection: string, id: string) {
  const trail = await kit.as('quinn')(`/${collection}/${id}/audit-trail?limit=200`);
  expect(trail.status).toBe(200);
  return trail.json.items as { action: string; actorId: string; reason: string | null; changes: unknown[] }[];
}

async function linksOf(collection: string, id: string, user: 'olivia' | 'quinn' = 'quinn') {
  const links = await kit.as(user)(`/${collection}/${id}/links`);
  expect(links.status, links.text).toBe(200);
  return links.json.items;
}

async function countRows(table: string, orgId = 'org-a'): Promise<number> {
  const { rows } = await sql<{
    count: string | number;
  }>`SELECT count(*) AS count FROM ${sql.table(table)} WHERE org_id = ${orgId}`.execute(kit.storage.db);
  return Number(rows[0]?.count);
}

async function trailLength(): Promise<number> {
  return countRows('audit_trail');
}

describe('links between records', () => {
  it('links a deviation to the CAPA that addresses it: both ends list it, both trails record it, once', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const capa = await createRecord(kit, 'quinn', 'capas', await capaDraft());

    const added = await kit.as('olivia')(`/deviations/${deviation.id}/links`, {
      method: 'POST',
      body: { kind: 'addressed_by', to: { type: 'capa', id: capa.id } },
    });
    expect(added.status, added.text).toBe(201);
    expect(added.json).toMatchObject({
      kind: 'addressed_by',
      direction: 'outgoing',
      record: { type: 'capa', id: capa.id, number: capa.number, title: capa.title, state: capa.state },
      createdBy: 'olivia',
      createdByName: 'Olivia Originator',
    });

    expect(await linksOf('deviations', deviation.id)).toEqual([added.json]);
    expect(await linksOf('capas', capa.id)).toEqual([
      {
        ...added.json,
        direction: 'incoming',
        record: {
          type: 'deviation',
          id: deviation.id,
          number: deviation.number,
          title: deviation.title,
          state: deviation.state,
        },
      },
    ]);

    const change = (direction: string, other: unknown) => [
      { field: 'links', old: null, new: { id: added.json.id, kind: 'addressed_by', direction, other } },
    ];
    expect((await trailOf('deviations', deviation.id)).at(-1)).toMatchObject({
      action: 'link',
      actorId: 'olivia',
      changes: change('outgoing', { type: 'capa', id: capa.id, number: capa.number }),
    });
    expect((await trailOf('capas', capa.id)).at(-1)).toMatchObject({
      action: 'link',
      actorId: 'olivia',
      changes: change('incoming', { type: 'deviation', id: deviation.id, number: deviation.number }),
    });
    // The deviation's `linkedCapaIds` is kept in step, as an audited update in the same transaction;
    // the CAPA, the target, is not changed.
    const linked = (await kit.as('quinn')(`/deviations/${deviation.id}`)).json;
    expect(linked).toMatchObject({ version: deviation.version + 1, linkedCapaIds: [capa.id] });
    expect((await trailOf('deviations', deviation.id)).at(-2)).toMatchObject({
      action: 'update',
      actorId: 'olivia',
      reason: `${capa.number} linked (addressed_by).`,
      changes: [{ field: 'linkedCapaIds', old: null, new: [capa.id] }],
    });
    expect((await kit.as('quinn')(`/capas/${capa.id}`)).json.version).toBe(capa.version);

    // The same link again is the one link: answered as it is, nothing written.
    const before = await trailLength();
    const again = await kit.as('olivia')(`/deviations/${deviation.id}/links`, {
      method: 'POST',
      body: { kind: 'addressed_by', to: { type: 'capa', id: capa.id } },
    });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(added.json);
    expect(await trailLength()).toBe(before);
    expect(await linksOf('capas', capa.id)).toHaveLength(1);

    // Another organization sees neither the record nor its links.
    expect((await kit.as('greta')(`/deviations/${deviation.id}/links`)).status).toBe(404);
  });

  it('keeps the fields links own out of every create and update: only a link writes a deviation’s CAPAs', async () => {
    const capa = await createRecord(kit, 'quinn', 'capas', await capaDraft());
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const before = await trailLength();
    const patched = await kit.as('olivia')(`/deviations/${deviation.id}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${deviation.version}"` },
      body: { changes: { linkedCapaIds: [capa.id] } },
    });
    expect(patched.status).toBe(422);
    expect(patched.headers.get('content-type')).toContain('application/problem+json');
    const created = await kit.as('olivia')('/deviations', {
      method: 'POST',
      body: { ...describedDeviation(), recurrence: ['DEV-2026-0001'] },
    });
    expect(created.status).toBe(422);
    const finding = await kit.as('aaron')('/findings', {
      method: 'POST',
      body: { auditId: deviation.id, title: 'Unlinked CAPA', linkedCapaIds: [capa.id] },
    });
    expect(finding.status).toBe(422);
    const pointers = (response: { json: { errors: { pointer: string }[] } }) =>
      response.json.errors.map((error) => error.pointer).join(' ');
    expect(pointers(patched)).toMatch(/linkedCapaIds/);
    expect(pointers(created)).toMatch(/recurrence/);
    expect(pointers(finding)).toMatch(/linkedCapaIds/);
    // Nothing was written: the deviation names no CAPA and no trail grew.
    expect((await kit.as('quinn')(`/deviations/${deviation.id}`)).json.linkedCapaIds).toBeUndefined();
    expect(await trailLength()).toBe(before);
  });

  it('removes a link only with a reason, from either end, and both trails say who and why', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const capa = await createRecord(kit, 'quinn', 'capas', await capaDraft());
    const added = await kit.as('olivia')(`/deviations/${deviation.id}/links`, {
      method: 'POST',
      body: { kind: 'addressed_by', to: { type: 'capa', id: capa.id } },
    });
    expect(added.status).toBe(201);

    const before = await trailLength();
    const unreasoned = await kit.as('quinn')(`/capas/${capa.id}/links/${added.json.id}`, {
      method: 'DELETE',
      body: { reason: '   ' },
    });
    expect(unreasoned.status).toBe(422);
    expect(unreasoned.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await trailLength()).toBe(before);
    expect(await linksOf('deviations', deviation.id)).toHaveLength(1);

    // Greta's organization cannot name the link either.
    const foreign = await kit.as('greta')(`/capas/${capa.id}/links/${added.json.id}`, {
      method: 'DELETE',
      body: { reason: 'Not ours.' },
    });
    expect(foreign.status).toBe(404);

    const removed = await kit.as('quinn')(`/capas/${capa.id}/links/${added.json.id}`, {
      method: 'DELETE',
      body: { reason: 'Raised against the wrong deviation.' },
    });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.json).toMatchObject({ id: added.json.id, direction: 'incoming' });
    expect(await linksOf('deviations', deviation.id)).toEqual([]);
    expect(await linksOf('capas', capa.id)).toEqual([]);
    expect((await kit.as('quinn')(`/deviations/${deviation.id}`)).json.linkedCapaIds).toEqual([]);
    for (const [collection, id] of [
      ['deviations', deviation.id],
      ['capas', capa.id],
    ]) {
      expect((await trailOf(collection as string, id)).at(-1)).toMatchObject({
        action: 'unlink',
        actorId: 'quinn',
        reason: 'Raised against the wrong deviation.',
        changes: [{ field: 'links', old: { id: added.json.id, kind: 'addressed_by' }, new: null }],
      });
    }
    // Gone is gone: removing it again names no link.
    const twice = await kit.as('quinn')(`/capas/${capa.id}/links/${added.json.id}`, {
      method: 'DELETE',
      body: { reason: 'Again.' },
    });
    expect(twice.status).toBe(404);
    // And it can be linked anew.
    const relinked = await kit.as('olivia')(`/deviations/${deviation.id}/links`, {
      method: 'POST',
      body: { kind: 'addressed_by', to: { type: 'capa', id: capa.id } },
    });
    expect(relinked.status).toBe(201);
    expect(relinked.json.id).not.toBe(added.json.id);
  });

  it('answers a target of another organization exactly like a missing one, and writes nothing', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const foreignCapa = await createRecord(kit, 'greta', 'capas', await capaDraft());
    const before = await trailLength();
    const links = await countRows('record_links');
    const attempt = (id: string) =>
      kit.as('olivia')(`/deviations/${deviation.id}/links`, {
        method: 'POST',
        body: { kind: 'addressed_by', to: { type: 'capa', id } },
      });
    const foreign = await attempt(foreignCapa.id);
    const missing = await attempt(uuidv7());
    expect(foreign.status).toBe(422);
    expect(foreign.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(foreign.json).toEqual(missing.json);
    expect(foreign.json).toMatchObject({
      code: 'link_target_not_found',
      errors: [{ pointer: '/to/id', detail: 'No such capa.' }],
    });
    expect(await trailLength()).toBe(before);
    expect(await countRows('record_links')).toBe(links);
    expect(await linksOf('capas', foreignCapa.id, 'quinn').catch(() => 'hidden')).toBe('hidden');
  });

  it.each([
    ['changes', { to: { type: 'capa' } }, 'deviations', 'cannot start from a deviation'],
    ['recurrence_of', { to: { type: 'capa' } }, 'deviations', 'cannot point to a capa'],
    ['addressed_by', { from: { type: 'capa' } }, 'capas', 'cannot start from a capa'],
    ['concerns', { to: { type: 'capa' } }, 'deviations', 'host system, not to a record'],
  ])('refuses a %s link %o from %s (problem+json, nothing written)', async (kind, end, collection, why) => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const capa = await createRecord(kit, 'quinn', 'capas', await capaDraft());
    const [self, other] = collection === 'deviations' ? [deviation, capa] : [capa, capa];
    const otherId = (end as { from?: unknown }).from
      ? (await createRecord(kit, 'quinn', 'capas', await capaDraft())).id
      : other.id;
    const side = Object.keys(end)[0] as 'to' | 'from';
    const before = await trailLength();
    const links = await countRows('record_links');
    const refused = await kit.as('quinn')(`/${collection}/${self.id}/links`, {
      method: 'POST',
      body: { kind, [side]: { type: 'capa', id: otherId } },
    });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.json).toMatchObject({ code: 'link_not_allowed', errors: [{ pointer: '/kind' }] });
    expect(refused.json.detail).toContain(why);
    expect(await trailLength()).toBe(before);
    expect(await countRows('record_links')).toBe(links);
  });

  it('refuses a record linked to itself', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const refused = await kit.as('olivia')(`/deviations/${deviation.id}/links`, {
      method: 'POST',
      body: { kind: 'recurrence_of', to: { type: 'deviation', id: deviation.id } },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('link_not_allowed');
  });

  it('links a record to a host object: only the record has a trail to write', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const host = { system: 'mes', kind: 'batch', id: 'B-2026-0042', label: 'Batch B-2026-0042' };
    const before = await trailLength();
    const added = await kit.as('olivia')(`/deviations/${deviation.id}/links`, {
      method: 'POST',
      body: { kind: 'concerns', host },
    });
    expect(added.status, added.text).toBe(201);
    expect(added.json).toMatchObject({ kind: 'concerns', direction: 'outgoing', host });
    expect(added.json.record).toBeUndefined();
    expect(await trailLength()).toBe(before + 1);
    expect(await linksOf('deviations', deviation.id)).toEqual([added.json]);
  });

  it('keeps the links a finished record was closed with, but links to it can still be added', async () => {
    const capa = await createRecord(kit, 'quinn', 'capas', await capaDraft());
    let deviation = await createRecord(kit, 'olivia', 'deviations', await scenario('deviation').draft(kit));
    const added = await kit.as('olivia')(`/deviations/${deviation.id}/links`, {
      method: 'POST',
      body: { kind: 'addressed_by', to: { type: 'capa', id: capa.id } },
    });
    expect(added.status).toBe(201);
    deviation = (await kit.as('olivia')(`/deviations/${deviation.id}`)).json;
    for (const move of scenario('deviation').moves) {
      deviation = await expectOk(
        transition(kit, move.by as 'olivia', 'deviations', deviation, move.event, { sign: move.sign }),
      );
    }
    expect(deviation.state).toBe('closed');
    const refused = await kit.as('quinn')(`/capas/${capa.id}/links/${added.json.id}`, {
      method: 'DELETE',
      body: { reason: 'Tidying up.' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('record_final');
    expect(await linksOf('capas', capa.id)).toHaveLength(1);

    // A later deviation may still say it recurs the closed one.
    const recurrence = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const recurs = await kit.as('olivia')(`/deviations/${recurrence.id}/links`, {
      method: 'POST',
      body: { kind: 'recurrence_of', to: { type: 'deviation', id: deviation.id } },
    });
    expect(recurs.status, recurs.text).toBe(201);
    expect(
      (await linksOf('deviations', deviation.id)).map((link: { kind: string; direction: string }) => [
        link.kind,
        link.direction,
      ]),
    ).toEqual([
      ['addressed_by', 'outgoing'],
      ['recurrence_of', 'incoming'],
    ]);
  });
});

describe('create with a link', () => {
  it('creates a CAPA and its link in one transaction; a retry with the same key creates neither twice', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const capas = await countRows('capas');
    const body = {
      ...(await capaDraft()),
      links: [{ kind: 'addressed_by', from: { type: 'deviation', id: deviation.id } }],
    };
    const headers = { 'idempotency-key': `raise-capa-${deviation.id}` };
    const created = await kit.as('quinn')('/capas', { method: 'POST', body, headers });
    expect(created.status, created.text).toBe(201);
    const retried = await kit.as('quinn')('/capas', { method: 'POST', body, headers });
    expect(retried.status).toBe(201);
    expect(retried.json).toEqual(created.json);
    expect(await countRows('capas')).toBe(capas + 1);

    const links = await linksOf('deviations', deviation.id);
    expect(links).toEqual([
      expect.objectContaining({
        kind: 'addressed_by',
        direction: 'outgoing',
        record: expect.objectContaining({ id: created.json.id, number: created.json.number }),
      }),
    ]);
    expect((await trailOf('deviations', deviation.id)).at(-1)).toMatchObject({
      action: 'link',
      actorId: 'quinn',
    });
    expect((await kit.as('quinn')(`/deviations/${deviation.id}`)).json.linkedCapaIds).toEqual([
      created.json.id,
    ]);
    expect((await trailOf('capas', created.json.id)).map((entry) => entry.action)).toEqual([
      'create',
      'link',
    ]);
  });

  it.each([
    [
      'a missing deviation',
      () => ({ kind: 'addressed_by', from: { type: 'deviation', id: uuidv7() } }),
      'link_target_not_found',
    ],
    [
      'a kind the types do not allow',
      (id: string) => ({ kind: 'changes', from: { type: 'deviation', id } }),
      'link_not_allowed',
    ],
  ])('leaves no CAPA when the link is refused: %s', async (_, link, code) => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const capas = await countRows('capas');
    const before = await trailLength();
    const refused = await kit.as('quinn')('/capas', {
      method: 'POST',
      body: { ...(await capaDraft()), links: [link(deviation.id)] },
    });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.code).toBe(code);
    expect(refused.json.errors[0].pointer).toMatch(/^\/links\/0\//);
    expect(await countRows('capas')).toBe(capas);
    expect(await trailLength()).toBe(before);
    expect(await linksOf('deviations', deviation.id)).toEqual([]);
  });
});
