/** Tenancy over HTTP: another organization's records do not exist for you, on any route. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from './testing/recordSteps';
import { kitStartTimeout, passwordOf, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
let deviationOfA: { id: string; version: number };
let attachmentOfA: string;
beforeAll(async () => {
  kit = await startTestKit();
  deviationOfA = await createRecord(kit, 'olivia', 'deviations', describedDeviation({ title: 'Org A only' }));
  const upload = await kit.as('olivia')(`/deviations/${deviationOfA.id}/attachments`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-file-name': 'note.txt' },
    body: 'org A evidence',
  });
  attachmentOfA = upload.json.id;
  await kit.as('olivia')(`/deviations/${deviationOfA.id}/comments`, {
    method: 'POST',
    body: { body: 'Org A remark' },
  });
  await createRecord(kit, 'greta', 'deviations', describedDeviation({ title: 'Org B only' }));
}, kitStartTimeout);
afterAll(() => kit.close());

/** Every record route, as Greta of org B would call it on org A's deviation. */
const routes: {
  name: string;
  method?: string;
  path: () => string;
  headers?: Record<string, string>;
  body?: unknown;
}[] = [
  { name: 'GET one', path: () => `/deviations/${deviationOfA.id}` },
  {
    name: 'PATCH',
    method: 'PATCH',
    path: () => `/deviations/${deviationOfA.id}`,
    headers: { 'if-match': '"1"' },
    body: { changes: { title: 'Taken over' } },
  },
  {
    name: 'transition',
    method: 'POST',
    path: () => `/deviations/${deviationOfA.id}/transitions`,
    headers: { 'if-match': '"1"' },
    body: { event: 'SUBMIT' },
  },
  {
    name: 'signed transition',
    method: 'POST',
    path: () => `/deviations/${deviationOfA.id}/transitions`,
    headers: { 'if-match': '"1"' },
    body: {
      event: 'REQUEST_CANCELLATION',
      reason: 'Mine now',
      signature: { password: passwordOf('greta'), meaning: 'approval' },
    },
  },
  { name: 'audit trail', path: () => `/deviations/${deviationOfA.id}/audit-trail` },
  { name: 'signatures', path: () => `/deviations/${deviationOfA.id}/signatures` },
  { name: 'attachments list', path: () => `/deviations/${deviationOfA.id}/attachments` },
  {
    name: 'attachment upload',
    method: 'POST',
    path: () => `/deviations/${deviationOfA.id}/attachments`,
    headers: { 'content-type': 'text/plain', 'x-file-name': 'planted.txt' },
    body: 'planted by org B',
  },
  { name: 'attachment download', path: () => `/deviations/${deviationOfA.id}/attachments/${attachmentOfA}` },
  { name: 'comments list', path: () => `/deviations/${deviationOfA.id}/comments` },
  {
    name: 'comment',
    method: 'POST',
    path: () => `/deviations/${deviationOfA.id}/comments`,
    body: { body: 'A remark from org B' },
  },
];

describe("org B asking for org A's deviation", () => {
  it.each(routes)('$name → 404, and nothing is written', async (route) => {
    const before = await kit.counts();
    const response = await kit.as('greta')(route.path(), {
      method: route.method ?? 'GET',
      headers: route.headers,
      body: route.body,
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.text).not.toContain('Org A');
    expect(await kit.counts()).toEqual(before);
    const seenByA = await kit.as('olivia')(`/deviations/${deviationOfA.id}`);
    expect(seenByA.json).toMatchObject({ version: 1, state: 'draft', title: 'Org A only' });
  });

  it('answers exactly as for an id that names no record at all, so existence does not leak', async () => {
    const missing = '01960000-0000-7000-8000-00000000dead';
    const foreign = await kit.as('greta')(`/deviations/${deviationOfA.id}`);
    const absent = await kit.as('greta')(`/deviations/${missing}`);
    expect(foreign.status).toBe(absent.status);
    expect({ ...foreign.json, instance: undefined }).toEqual({ ...absent.json, instance: undefined });
  });
});

describe('lists and the organization-wide audit trail', () => {
  it.each(['olivia', 'greta'] as const)('%s lists only their own organization’s records', async (user) => {
    const page = await kit.as(user)('/deviations?limit=200');
    expect(page.status).toBe(200);
    const orgId = user === 'olivia' ? 'org-a' : 'org-b';
    expect(page.json.items.length).toBeGreaterThan(0);
    expect(page.json.items.every((record: { orgId: string }) => record.orgId === orgId)).toBe(true);
    const searched = await kit.as(user)(`/deviations?q=${user === 'olivia' ? 'B' : 'A'}`);
    expect(searched.json.items.every((record: { orgId: string }) => record.orgId === orgId)).toBe(true);
  });

  it('the organization-wide trail and its verification see only the own organization', async () => {
    const trailOfB = await kit.as('greta')('/audit-trail?limit=200');
    expect(trailOfB.status).toBe(200);
    expect(trailOfB.json.items.length).toBeGreaterThan(0);
    expect(trailOfB.json.items.every((entry: { orgId: string }) => entry.orgId === 'org-b')).toBe(true);

    const filtered = await kit.as('greta')(`/audit-trail?recordId=${deviationOfA.id}`);
    expect(filtered.json.items).toEqual([]);

    const verifyB = await kit.as('greta')('/audit-trail/verify');
    expect(verifyB.json).toMatchObject({ ok: true, entries: trailOfB.json.items.length });
    const verifyA = await kit.as('quinn')('/audit-trail/verify');
    const trailOfA = await kit.as('quinn')('/audit-trail?limit=200');
    expect(verifyA.json).toMatchObject({ ok: true, entries: trailOfA.json.items.length });

    const csv = await kit.as('greta')('/audit-trail/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(deviationOfA.id);
  });
});
