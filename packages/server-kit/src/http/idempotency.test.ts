/** Idempotency-Key over HTTP: a retry gets the first answer back and creates nothing twice. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

let keys = 0;
const newKey = () => `retry-${Date.now()}-${++keys}`;

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

/** Each POST the contract marks idempotent, sent as a retryable request. */
const posts: {
  name: string;
  path: () => Promise<string>;
  headers: Record<string, string>;
  body: BodyInit;
  otherBody: BodyInit;
}[] = [
  {
    name: 'create',
    path: async () => '/deviations',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(describedDeviation({ title: 'Retried create' })),
    otherBody: JSON.stringify(describedDeviation({ title: 'Another create' })),
  },
  {
    name: 'comment',
    path: async () =>
      `/deviations/${(await createRecord(kit, 'olivia', 'deviations', describedDeviation())).id}/comments`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ body: 'Logger calibration certificate requested.' }),
    otherBody: JSON.stringify({ body: 'A different remark.' }),
  },
  {
    name: 'attachment',
    path: async () =>
      `/deviations/${(await createRecord(kit, 'olivia', 'deviations', describedDeviation())).id}/attachments`,
    headers: { 'content-type': 'application/pdf', 'x-file-name': 'logger-export.pdf' },
    body: pdf,
    otherBody: new TextEncoder().encode('%PDF-1.7\nanother file\n'),
  },
];

function send(path: string, post: (typeof posts)[number], key: string, body: BodyInit = post.body) {
  return kit.fetch(path, {
    method: 'POST',
    headers: { authorization: 'Test olivia', 'idempotency-key': key, ...post.headers },
    body,
  });
}

describe.each(posts)('POST $name with an Idempotency-Key', (post) => {
  it('a retry gets the same status, headers and body, and nothing is written twice', async () => {
    const path = await post.path();
    const key = newKey();
    const first = await send(path, post, key);
    const firstBody = await first.text();
    const afterFirst = await kit.counts();
    const retry = await send(path, post, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(await retry.text()).toBe(firstBody);
    for (const header of ['etag', 'location', 'content-type']) {
      expect(retry.headers.get(header)).toBe(first.headers.get(header));
    }
    expect(await kit.counts()).toEqual(afterFirst);
    const location = retry.headers.get('location');
    if (location) {
      // Resolved against the URL the client posted to, mount prefix and all, it names the record.
      const record = await fetch(new URL(location, `${kit.baseUrl}${path}`), {
        headers: { authorization: 'Test olivia' },
      });
      expect(record.status).toBe(200);
      expect((await record.json()).id).toBe(JSON.parse(firstBody).id);
    }
  });

  it('concurrent retries under one key create exactly one', async () => {
    const path = await post.path();
    const before = await kit.counts();
    const key = newKey();
    const responses = await Promise.all(Array.from({ length: 10 }, () => send(path, post, key)));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect(new Set(bodies).size).toBe(1);
    const after = await kit.counts();
    expect(after.records + after.comments + after.attachments).toBe(
      before.records + before.comments + before.attachments + 1,
    );
    // One audit entry for the one write, and no copy of the file left behind by a replay.
    expect(after.auditEntries).toBe(before.auditEntries + 1);
    expect(after.files).toBe(before.files + (post.name === 'attachment' ? 1 : 0));
  });

  it('the same key with another body is refused with 422 idempotency_key_reused', async () => {
    const path = await post.path();
    const key = newKey();
    expect((await send(path, post, key)).status).toBe(201);
    const before = await kit.counts();
    const reused = await send(path, post, key, post.otherBody);
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(await reused.json()).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(await kit.counts()).toEqual(before);
  });

  it('without a key, each POST is a new write', async () => {
    const path = await post.path();
    const before = await kit.counts();
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await kit.fetch(path, {
        method: 'POST',
        headers: { authorization: 'Test olivia', ...post.headers },
        body: post.body,
      });
      expect(response.status).toBe(201);
    }
    expect((await kit.counts()).auditEntries).toBe(before.auditEntries + 2);
  });
});

describe('Idempotency-Key scope', () => {
  it('a key belongs to the request it came with: another user or another path reusing it is refused', async () => {
    const key = newKey();
    const body = describedDeviation({ title: 'Scoped key' });
    expect(
      (await kit.as('olivia')('/deviations', { method: 'POST', headers: { 'idempotency-key': key }, body }))
        .status,
    ).toBe(201);
    const otherUser = await kit.as('ian')('/deviations', {
      method: 'POST',
      headers: { 'idempotency-key': key },
      body,
    });
    expect(otherUser).toMatchObject({ status: 422, json: { code: 'idempotency_key_reused' } });
    const otherPath = await kit.as('olivia')('/capas', {
      method: 'POST',
      headers: { 'idempotency-key': key },
      body: { title: 'Scoped key' },
    });
    expect(otherPath).toMatchObject({ status: 422, json: { code: 'idempotency_key_reused' } });
  });

  it('the same key in another organization is another key', async () => {
    const key = newKey();
    const body = describedDeviation({ title: 'Same key, two organizations' });
    const inA = await kit.as('olivia')('/deviations', {
      method: 'POST',
      headers: { 'idempotency-key': key },
      body,
    });
    const inB = await kit.as('greta')('/deviations', {
      method: 'POST',
      headers: { 'idempotency-key': key },
      body,
    });
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect(inB.json.id).not.toBe(inA.json.id);
    expect(inB.json.orgId).toBe('org-b');
  });

  it('a write refused inside its transaction keeps no response: the corrected retry under the same key runs', async () => {
    const key = newKey();
    const finding = (auditId: string) =>
      kit.as('aaron')('/findings', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: { auditId, title: 'Line clearance record incomplete' },
      });
    // The missing audit is found inside the transaction that claimed the key.
    const refused = await finding('01960000-0000-7000-8000-0000000000a1');
    expect(refused).toMatchObject({ status: 422, json: { errors: [{ pointer: '/auditId' }] } });
    const audit = await createRecord(kit, 'aaron', 'audits', { title: 'Internal audit: packaging' });
    const retried = await finding(audit.id);
    expect(retried.status).toBe(201);
    expect(retried.json.auditId).toBe(audit.id);
  });

  it('a key over 200 characters is a 400', async () => {
    const response = await kit.as('olivia')('/deviations', {
      method: 'POST',
      headers: { 'idempotency-key': 'k'.repeat(201) },
      body: describedDeviation(),
    });
    expect(response.status).toBe(400);
  });

  it('a replay tells the hook nothing new: events go out once', async () => {
    const key = newKey();
    const body = describedDeviation({ title: 'Announced once' });
    const first = await kit.as('olivia')('/deviations', {
      method: 'POST',
      headers: { 'idempotency-key': key },
      body,
    });
    await kit.as('olivia')('/deviations', { method: 'POST', headers: { 'idempotency-key': key }, body });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(kit.events.filter((event) => event.recordId === first.json.id)).toHaveLength(1);
  });
});
