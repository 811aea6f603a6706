/** A record's discussion over HTTP: comments in order, paged, each in the audit trail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
let deviationId: string;
const remarks = Array.from({ length: 7 }, (_, index) => `Remark ${index + 1}: see logger data.`);

beforeAll(async () => {
  kit = await startTestKit();
  deviationId = (await createRecord(kit, 'olivia', 'deviations', describedDeviation())).id;
  for (const [index, body] of remarks.entries()) {
    const author = index % 2 === 0 ? 'olivia' : 'quinn';
    const response = await kit.as(author)(`/deviations/${deviationId}/comments`, {
      method: 'POST',
      body: { body },
    });
    if (response.status !== 201) throw new Error(`comment: ${response.status} ${response.text}`);
  }
}, kitStartTimeout);
afterAll(() => kit.close());

describe('comments', () => {
  it('a new comment answers 201 with its author and the server time, and is written to the audit trail', async () => {
    const before = new Date().toISOString();
    const created = await kit.as('ian')(`/deviations/${deviationId}/comments`, {
      method: 'POST',
      body: { body: '  Root cause under review.  ' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      recordType: 'deviation',
      recordId: deviationId,
      authorId: 'ian',
      authorName: 'Ian Investigator',
      body: 'Root cause under review.',
    });
    expect(created.json.createdAt >= before.slice(0, 19)).toBe(true);

    const trail = await kit.as('quinn')(`/deviations/${deviationId}/audit-trail`);
    const entry = trail.json.items.at(-1);
    expect(entry).toMatchObject({
      action: 'comment',
      actorId: 'ian',
      changes: [
        { field: 'comments', old: null, new: { id: created.json.id, body: 'Root cause under review.' } },
      ],
    });
    // The comment does not change the record itself.
    expect((await kit.as('ian')(`/deviations/${deviationId}`)).json.version).toBe(1);
  });

  it.each([1, 2, 3, 50])('lists oldest first, limit=%i, each comment once', async (limit) => {
    const bodies: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await kit.as('victor')(`/deviations/${deviationId}/comments?${query}`);
      expect(page.status).toBe(200);
      expect(page.json.items.length).toBeLessThanOrEqual(limit);
      bodies.push(...page.json.items.map((comment: { body: string }) => comment.body));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(bodies.slice(0, remarks.length)).toEqual(remarks);
    expect(new Set(bodies).size).toBe(bodies.length);
  });

  it.each([
    { name: 'an empty body', body: { body: '   ' }, status: 422, pointer: '/body' },
    { name: 'no body field', body: {}, status: 422, pointer: '/body' },
    { name: 'an unknown field', body: { body: 'x', mood: 'grumpy' }, status: 422, pointer: '/mood' },
    {
      name: 'a body over 10,000 characters',
      body: { body: 'x'.repeat(10_001) },
      status: 422,
      pointer: '/body',
    },
  ])('$name → $status', async ({ body, status, pointer }) => {
    const before = await kit.counts();
    const response = await kit.as('olivia')(`/deviations/${deviationId}/comments`, { method: 'POST', body });
    expect(response.status).toBe(status);
    expect(response.json.errors).toContainEqual({ pointer, detail: expect.any(String) });
    expect(await kit.counts()).toEqual(before);
  });

  it('a viewer reads the discussion but may not join it', async () => {
    expect((await kit.as('victor')(`/deviations/${deviationId}/comments`)).status).toBe(200);
    const refused = await kit.as('victor')(`/deviations/${deviationId}/comments`, {
      method: 'POST',
      body: { body: 'Me too' },
    });
    expect(refused.status).toBe(403);
  });

  it('comments on an unknown record are a 404', async () => {
    const missing = '01960000-0000-7000-8000-00000000dead';
    expect((await kit.as('olivia')(`/deviations/${missing}/comments`)).status).toBe(404);
    const posted = await kit.as('olivia')(`/deviations/${missing}/comments`, {
      method: 'POST',
      body: { body: 'x' },
    });
    expect(posted.status).toBe(404);
  });
});
