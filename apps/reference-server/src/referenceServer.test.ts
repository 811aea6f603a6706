import { builtInRegistry } from '@masetra/core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from './testing/startReferenceServer';

let server: RunningReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer();
}, 120_000);
afterAll(() => server.close());

async function login(email: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${server.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, json: await response.json() };
}

async function get(path: string, token: string) {
  const response = await fetch(`${server.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, json: await response.json() };
}

describe('the reference server', () => {
  it('serves health, security headers, the OpenAPI document and the API reference', async () => {
    const health = await fetch(`${server.origin}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");

    const openapi = await (await fetch(`${server.apiUrl}/openapi.json`)).json();
    const validation = await new Validator().validate(openapi);
    expect(validation.valid).toBe(true);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/auth/login', '/deviations/{id}/transitions', '/audit-trail/verify']),
    );

    const docs = await fetch(`${server.origin}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
  });

  it('signs in the seeded users and refuses a wrong password with the same problem as an unknown e-mail', async () => {
    const ok = await login('qa@acme.example');
    expect(ok.status).toBe(200);
    expect(ok.json.user).toMatchObject({
      email: 'qa@acme.example',
      orgName: 'Acme Pharma',
      roles: ['qa_approver', 'qa_reviewer'],
    });
    const me = await get('/me', ok.json.accessToken);
    expect(me.json.displayName).toBe('Quinn Adler');

    const wrong = await login('qa@acme.example', 'nope-nope-nope');
    const unknown = await login('nobody@acme.example', 'nope-nope-nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.detail).toBe(unknown.json.detail);
    expect(wrong.json.code).toBe('invalid_credentials');
  });

  it('rotates refresh tokens and detects reuse', async () => {
    const { json: session } = await login('originator@acme.example');
    const refresh = (refreshToken: string) =>
      fetch(`${server.apiUrl}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
    const first = await refresh(session.refreshToken);
    expect(first.status).toBe(200);
    const reused = await refresh(session.refreshToken);
    expect(reused.status).toBe(401);
  });

  it('seeds every state of every lifecycle, with a verifying audit trail', async () => {
    const { json: session } = await login('qa@acme.example');
    for (const recordType of builtInRegistry.list) {
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = await get(
          `/${recordType.collection}?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          session.accessToken,
        );
        for (const record of page.json.items) seen.add(record.state);
        cursor = page.json.nextCursor;
      } while (cursor);
      expect([...seen].sort(), recordType.name).toEqual([...recordType.states].sort());
    }
    const verify = await get('/audit-trail/verify', session.accessToken);
    expect(verify.json.ok).toBe(true);
    expect(verify.json.entries).toBeGreaterThan(100);
  });

  it("keeps organizations apart: Globex sees only its own records, and Acme's are 404", async () => {
    const { json: globex } = await login('qa@globex.example');
    const { json: acme } = await login('qa@acme.example');
    const globexList = await get('/deviations', globex.accessToken);
    expect(globexList.json.items).toHaveLength(1);
    const acmeRecord = (await get('/deviations?limit=1', acme.accessToken)).json.items[0];
    expect((await get(`/deviations/${acmeRecord.id}`, globex.accessToken)).status).toBe(404);
  });

  it('lets an admin create a user who has no password until they choose one from their invitation', async () => {
    const { json: admin } = await login('admin@acme.example');
    const created = await fetch(`${server.apiUrl}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'new.hire@acme.example', displayName: 'New Hire', roles: ['viewer'] }),
    });
    expect(created.status).toBe(201);
    // The user as stored, and nothing an administrator could sign in with.
    expect(Object.keys(await created.json()).sort()).toEqual([
      'active',
      'createdAt',
      'displayName',
      'email',
      'id',
      'orgId',
      'roles',
    ]);
    expect((await login('new.hire@acme.example', DEMO_PASSWORD)).status).toBe(401);

    const { json: viewer } = await login('viewer@acme.example');
    expect((await get('/users', viewer.accessToken)).status).toBe(403);
  });

  it("gives every signed-in user the names of their organization's people, and nothing more", async () => {
    const { json: viewer } = await login('viewer@acme.example');
    const directory = await get('/directory', viewer.accessToken);
    expect(directory.status).toBe(200);
    expect(directory.json.items).toContainEqual({
      id: viewer.user.id,
      displayName: viewer.user.displayName,
      active: true,
    });
    for (const person of directory.json.items)
      expect(Object.keys(person).sort()).toEqual(['active', 'displayName', 'id']);
    const { json: globex } = await login('qa@globex.example');
    const theirs = (await get('/directory', globex.accessToken)).json.items.map(
      (person: { id: string }) => person.id,
    );
    expect(theirs).not.toContain(viewer.user.id);
    expect((await fetch(`${server.apiUrl}/directory`)).status).toBe(401);
  });

  it('answers bad input with problem+json, never a 500', async () => {
    const malformed = await fetch(`${server.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    const unauthenticated = await fetch(`${server.apiUrl}/deviations`);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses text PostgreSQL cannot store on its own routes with a 422 naming the field', async () => {
    const nulInEmail = await login('admin\u0000@acme.example');
    expect(nulInEmail.status).toBe(422);
    expect(nulInEmail.json.errors).toEqual([expect.objectContaining({ pointer: '/email' })]);

    const { json: admin } = await login('admin@acme.example');
    const loneSurrogate = await fetch(`${server.apiUrl}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'surrogate@acme.example',
        displayName: 'Lone \ud800 surrogate',
        roles: ['viewer'],
      }),
    });
    expect(loneSurrogate.status).toBe(422);
    expect((await loneSurrogate.json()).errors).toEqual([
      expect.objectContaining({ pointer: '/displayName' }),
    ]);
    expect((await get('/users', admin.accessToken)).json.items).not.toContainEqual(
      expect.objectContaining({ email: 'surrogate@acme.example' }),
    );
  });
});

describe('background work', () => {
  it('turns lifecycle moves into notifications for the people who act next', async () => {
    await server.runBackgroundWorkOnce();
    const { json: qa } = await login('qa@acme.example');
    const notifications = await get('/notifications?limit=100', qa.accessToken);
    expect(notifications.status).toBe(200);
    expect(notifications.json.items.map((item: { title: string }) => item.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^CAPA-\d{4}-\d{4} awaits approve plan$/)]),
    );
    const { json: investigator } = await login('investigator@acme.example');
    const theirs = await get('/notifications?limit=100', investigator.accessToken);
    expect(theirs.json.items.map((item: { title: string }) => item.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^DEV-\d{4}-\d{4} awaits submit investigation$/)]),
    );
    // Delivery is at least once; a second drain adds nothing.
    const before = notifications.json.items.length;
    await server.runBackgroundWorkOnce();
    expect((await get('/notifications?limit=100', qa.accessToken)).json.items).toHaveLength(before);
  });

  it('runs export jobs on its outbox worker, and the file holds the list', async () => {
    const { json: qa } = await login('qa@acme.example');
    const started = await fetch(`${server.apiUrl}/exports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${qa.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'records',
        collection: 'deviations',
        format: 'csv',
        columns: ['number'],
      }),
    });
    expect(started.status).toBe(202);
    const job = await started.json();
    await server.runBackgroundWorkOnce();
    const done = await get(`/exports/${job.id}`, qa.accessToken);
    expect(done.json).toMatchObject({ state: 'done', rowsDone: done.json.rowsTotal });
    const file = await fetch(`${server.apiUrl}/exports/${job.id}/file`, {
      headers: { authorization: `Bearer ${qa.accessToken}` },
    });
    expect(file.status).toBe(200);
    const numbers = (await file.text()).trim().split('\n').slice(1);
    const list = await get('/deviations?limit=200', qa.accessToken);
    expect(numbers).toEqual(list.json.items.map((deviation: { number: string }) => deviation.number));
  });
});

describe('links and CAPA tasks of the seed', () => {
  async function send(method: string, path: string, token: string, body?: unknown, version?: number) {
    const response = await fetch(`${server.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  }

  it("links the seed's records through the link routes: a deviation's CAPA, batch and recurrence, a CAPA's document", async () => {
    const { json: qa } = await login('qa@acme.example');
    const find = async (collection: string, q: string) =>
      (await get(`/${collection}?q=${encodeURIComponent(q)}`, qa.accessToken)).json.items[0];
    const hvac = await find('deviations', 'HVAC differential pressure');
    const links = (await get(`/deviations/${hvac.id}/links`, qa.accessToken)).json.items;
    expect(links.map((link: { kind: string }) => link.kind).sort()).toEqual(['addressed_by', 'concerns']);
    // The server kept the mirror in step: the field is the link's, not written by the seed.
    const addressing = links.find((link: { kind: string }) => link.kind === 'addressed_by');
    expect(hvac.linkedCapaIds).toEqual([addressing.record.id]);

    const trace = (await get(`/deviations/${hvac.id}/trace`, qa.accessToken)).json;
    expect(trace.records.map((record: { type: string }) => record.type)).toEqual([
      'deviation',
      'capa',
      'document',
    ]);

    const recurrence = await find('deviations', 'cold room 3 during a delivery');
    const recurs = (await get(`/deviations/${recurrence.id}/links`, qa.accessToken)).json.items;
    expect(recurs).toContainEqual(
      expect.objectContaining({
        kind: 'recurrence_of',
        record: expect.objectContaining({ state: 'in_investigation' }),
      }),
    );
    const finding = await find('findings', 'Pressure cascade alarms');
    expect((await get(`/findings/${finding.id}/links`, qa.accessToken)).json.items).toEqual([
      expect.objectContaining({ kind: 'addressed_by', direction: 'outgoing' }),
    ]);
  });

  it("tells a task's owner it is theirs, and lists it among their tasks", async () => {
    const { json: qa } = await login('qa@acme.example');
    const { json: investigator } = await login('investigator@acme.example');
    const capa = await send('POST', '/capas', qa.accessToken, {
      title: 'Re-qualify the capping head after maintenance',
      tasks: [
        {
          id: 'task-1',
          title: 'Add an alignment check to the post-maintenance checklist',
          ownerId: investigator.user.id,
          dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
          done: false,
        },
      ],
    });
    expect(capa.status, JSON.stringify(capa.json)).toBe(201);
    await server.runBackgroundWorkOnce();
    const theirs = await get('/notifications?limit=100', investigator.accessToken);
    expect(theirs.json.items).toContainEqual(
      expect.objectContaining({
        kind: 'capa.task_assigned',
        recordId: capa.json.id,
        title: `${capa.json.number}: task "Add an alignment check to the post-maintenance checklist" is yours`,
      }),
    );
    const mine = await get('/capa-tasks/mine', investigator.accessToken);
    expect(mine.json.items).toContainEqual(
      expect.objectContaining({ capa: expect.objectContaining({ id: capa.json.id }), overdue: false }),
    );
    // The one who assigned it hears nothing of it.
    const own = await get('/notifications?limit=100', qa.accessToken);
    expect(own.json.items.some((item: { kind: string }) => item.kind === 'capa.task_assigned')).toBe(false);
  });
});
