/** Record lists over HTTP: keyset paging, sort, filters and full-text search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, expectOk, transition } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
const severities = ['minor', 'major', 'critical'] as const;
const areas = ['Warehouse', 'Packaging', 'QC lab'];
const count = 23;
const created: {
  id: string;
  version: number;
  number: string;
  severity: string;
  area: string;
  title: string;
  state: string;
}[] = [];

beforeAll(async () => {
  kit = await startTestKit();
  for (let index = 0; index < count; index++) {
    const fields = describedDeviation({
      title: index === 7 ? 'Condensate found on the sterile filter housing' : `Deviation ${index}`,
      severity: severities[index % 3],
      area: areas[index % 3],
      occurredAt: new Date(Date.UTC(2026, 0, 1 + ((index * 7) % count))).toISOString(),
    });
    created.push(await createRecord(kit, 'olivia', 'deviations', fields));
  }
  // Every fourth one moves on, so that state filters have something to tell apart.
  for (const [index, record] of created.entries()) {
    if (index % 4 === 0)
      created[index] = await expectOk(transition(kit, 'olivia', 'deviations', record, 'SUBMIT'));
  }
  // Another organization's records never show up in org A's lists.
  await createRecord(kit, 'greta', 'deviations', describedDeviation({ title: 'Condensate in org B' }));
}, kitStartTimeout);
afterAll(() => kit.close());

type Listed = { id: string; number: string; severity: string; state: string; occurredAt: string };

/** Every page of a list, following `nextCursor` until it is null. */
async function allPages(query: string, limit: number): Promise<{ items: Listed[]; pages: number }> {
  const items: Listed[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = query ? '&' : '';
    const page = await kit.as('victor')(
      `/deviations?${query}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status).toBe(200);
    expect(page.json.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
    pages++;
    if (pages > count + 1) throw new Error('paging does not end');
  } while (cursor);
  return { items, pages };
}

describe('paging', () => {
  it.each([1, 5, 7, 23, 200])('limit=%i visits every record exactly once', async (limit) => {
    const { items, pages } = await allPages('', limit);
    expect(items.map((item) => item.id).sort()).toEqual(created.map((record) => record.id).sort());
    expect(pages).toBe(Math.max(1, Math.ceil(count / limit)));
  });

  it('the default order is newest first', async () => {
    const { items } = await allPages('', 10);
    expect(items.map((item) => item.id)).toEqual(created.map((record) => record.id).reverse());
  });
});

describe('sorting', () => {
  const order = (values: string[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  it.each([
    ['number', (items: Listed[]) => items.map((item) => item.number), (values: string[]) => order(values)],
    [
      '-number',
      (items: Listed[]) => items.map((item) => item.number),
      (values: string[]) => order(values).reverse(),
    ],
    [
      'occurredAt',
      (items: Listed[]) => items.map((item) => item.occurredAt),
      (values: string[]) => order(values),
    ],
    [
      'severity',
      (items: Listed[]) => items.map((item) => severities.indexOf(item.severity as never)),
      (values: number[]) => [...values].sort((a, b) => a - b),
    ],
    [
      '-severity',
      (items: Listed[]) => items.map((item) => severities.indexOf(item.severity as never)),
      (values: number[]) => [...values].sort((a, b) => b - a),
    ],
  ] as const)('sort=%s orders across pages', async (sort, key, sorted) => {
    const { items } = await allPages(`sort=${sort}&q=deviation`, 4);
    const values = key(items) as never[];
    expect(values).toEqual(sorted(values as never));
    expect(values.length).toBeGreaterThan(0);
  });
});

describe('filters and search', () => {
  it.each([
    ['severity=major', (record: (typeof created)[number]) => record.severity === 'major'],
    ['severity=minor,critical', (record: (typeof created)[number]) => record.severity !== 'major'],
    ['state=in_assessment', (record: (typeof created)[number]) => record.state === 'in_assessment'],
    [
      'state=draft&severity=critical',
      (record: (typeof created)[number]) => record.state === 'draft' && record.severity === 'critical',
    ],
    ['area=QC%20lab', (record: (typeof created)[number]) => record.area === 'QC lab'],
  ])('%s lists exactly the matching records, over every page', async (query, matches) => {
    const { items } = await allPages(query, 3);
    const expected = created.filter(matches).map((record) => record.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((item) => item.id).sort()).toEqual(expected.sort());
  });

  it('q finds a record by a word of its title, in its own organization only', async () => {
    const found = await kit.as('victor')('/deviations?q=condensate');
    expect(found.json.items.map((item: Listed) => item.id)).toEqual([created[7]?.id]);
    const phrase = await kit.as('victor')(`/deviations?q=${encodeURIComponent('"sterile filter"')}`);
    expect(phrase.json.items).toHaveLength(1);
    const excluded = await kit.as('victor')(`/deviations?q=${encodeURIComponent('condensate -sterile')}`);
    expect(excluded.json.items).toEqual([]);
    const nothing = await kit.as('victor')('/deviations?q=xylophone');
    expect(nothing.json).toEqual({ items: [], nextCursor: null });
  });

  it('q combines with filters and paging', async () => {
    const { items } = await allPages('q=deviation&severity=minor', 2);
    const expected = created.filter(
      (record) => record.severity === 'minor' && record.title.startsWith('Deviation'),
    );
    expect(items.map((item) => item.id).sort()).toEqual(expected.map((record) => record.id).sort());
  });

  it('a cursor belongs to its sort: reused under another sort it is a 400', async () => {
    const first = await kit.as('victor')('/deviations?limit=2&sort=number');
    const reused = await kit.as('victor')(
      `/deviations?limit=2&sort=-number&cursor=${encodeURIComponent(first.json.nextCursor)}`,
    );
    expect(reused.status).toBe(400);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
  });
});

// Last, because it adds a record the tests above do not expect.
describe('paging while records are added', () => {
  it('a record created while paging neither repeats nor shifts the pages already read', async () => {
    const first = await kit.as('victor')('/deviations?limit=10');
    const late = await createRecord(
      kit,
      'olivia',
      'deviations',
      describedDeviation({ title: 'Late arrival' }),
    );
    const rest = await allPages(`cursor=${encodeURIComponent(first.json.nextCursor)}`, 10);
    const seen = [...first.json.items, ...rest.items].map((item: Listed) => item.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(late.id);
    expect(seen.sort()).toEqual(created.map((record) => record.id).sort());
    // The late record is the newest, so it leads a fresh listing.
    expect((await kit.as('victor')('/deviations?limit=1')).json.items[0].id).toBe(late.id);
  });
});
