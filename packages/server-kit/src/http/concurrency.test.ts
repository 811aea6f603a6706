/** Optimistic concurrency over HTTP: If-Match decides, and racing writers never both win. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, update } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

const racers = 20;

async function trailOf(id: string) {
  return (await kit.as('quinn')(`/deviations/${id}/audit-trail`)).json.items as { action: string }[];
}

describe('racing writers with the same If-Match', () => {
  it.each([
    {
      name: 'PATCH',
      send: (id: string, index: number) =>
        kit.as('olivia')(`/deviations/${id}`, {
          method: 'PATCH',
          headers: { 'if-match': '"1"' },
          body: { changes: { area: `Warehouse bay ${index}` } },
        }),
      action: 'update',
    },
    {
      name: 'transition',
      send: (id: string) =>
        kit.as('olivia')(`/deviations/${id}/transitions`, {
          method: 'POST',
          headers: { 'if-match': '"1"' },
          body: { event: 'SUBMIT' },
        }),
      action: 'transition',
    },
  ])('$name: exactly one wins, the rest get 412, and the trail holds one entry', async ({ send, action }) => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const responses = await Promise.all(
      Array.from({ length: racers }, (_, index) => send(deviation.id, index)),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array(racers - 1).fill(412)]);
    for (const refused of responses.filter((response) => response.status === 412)) {
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.json).toMatchObject({ status: 412, code: 'stale_version' });
    }
    const winner = responses.find((response) => response.status === 200);
    expect(winner?.headers.get('etag')).toBe('"2"');

    const current = await kit.as('olivia')(`/deviations/${deviation.id}`);
    expect(current.json.version).toBe(2);
    expect(current.json).toEqual(winner?.json);
    const actions = (await trailOf(deviation.id)).map((entry) => entry.action);
    expect(actions).toEqual(['create', action]);
  });
});

describe('If-Match', () => {
  const cases = [
    { name: 'missing', ifMatch: undefined, status: 428, code: 'if_match_required' },
    { name: 'not an ETag', ifMatch: 'version one', status: 400 },
    { name: 'a list of ETags', ifMatch: '"1", "2"', status: 400 },
    { name: 'the wildcard', ifMatch: '*', status: 400 },
    { name: 'stale', ifMatch: '"7"', status: 412, code: 'stale_version' },
    { name: 'far too large', ifMatch: '"99999999999"', status: 400 },
    { name: 'beyond any version', ifMatch: '"9999999999"', status: 412 },
  ];

  it.each(cases)('$name → $status, and nothing is written', async ({ ifMatch, status, code }) => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const headers: Record<string, string> = ifMatch === undefined ? {} : { 'if-match': ifMatch };
    const before = await kit.counts();
    const patch = await kit.as('olivia')(`/deviations/${deviation.id}`, {
      method: 'PATCH',
      headers,
      body: { changes: { area: 'Elsewhere' } },
    });
    const move = await kit.as('olivia')(`/deviations/${deviation.id}/transitions`, {
      method: 'POST',
      headers,
      body: { event: 'SUBMIT' },
    });
    for (const response of [patch, move]) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      if (code) expect(response.json.code).toBe(code);
    }
    expect(await kit.counts()).toEqual(before);
    expect((await kit.as('olivia')(`/deviations/${deviation.id}`)).json.version).toBe(1);
  });

  it.each(['"1"', 'W/"1"', '1', ' "1" '])('accepts the ETag written as %j', async (ifMatch) => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const response = await kit.as('olivia')(`/deviations/${deviation.id}`, {
      method: 'PATCH',
      headers: { 'if-match': ifMatch },
      body: { changes: { area: 'Elsewhere' } },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
  });

  it('a write based on the ETag of a GET lands; a second write on the same ETag is stale', async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const read = await kit.as('olivia')(`/deviations/${deviation.id}`);
    const etag = read.headers.get('etag') as string;
    const first = await update(
      kit,
      'olivia',
      'deviations',
      { id: deviation.id, version: Number(JSON.parse(etag)) },
      {
        area: 'Bay 1',
      },
    );
    expect(first.status).toBe(200);
    const lost = await kit.as('olivia')(`/deviations/${deviation.id}`, {
      method: 'PATCH',
      headers: { 'if-match': etag },
      body: { changes: { area: 'Bay 2' } },
    });
    expect(lost.status).toBe(412);
    expect((await kit.as('olivia')(`/deviations/${deviation.id}`)).json.area).toBe('Bay 1');
  });
});
