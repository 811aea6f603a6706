import { type Deviation as CoreDeviation, recordTypes } from '@masetra/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, sampleRecord } from '../testing';
import { ListQueryError } from './listQueryError';
import {
  chooseListStrategy,
  FEW_MATCHES,
  type ListRecordsOptions,
  type ListStrategy,
  listRecords,
  listRecordsQuery,
  type RecordPage,
} from './listRecords';
import { recordSortKeys } from './recordSortKeys';
import { insertRecord } from './records';
import type { Storage } from './storage';

const { deviation } = recordTypes;
/** A deviation, read by field name as a list filter names it. */
type Deviation = CoreDeviation & Record<string, unknown>;

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const words = ['Pump', 'valve', 'label', 'filter', 'seal'];
const severities = ['minor', 'major', 'critical', undefined];
const areas = ['Warehouse', 'QC Lab', 'Filling line', undefined];
const states = ['draft', 'in_assessment', 'in_approval'];
const owners = ['u1', 'u2', 'u3'];

function seedDeviations(orgId: string, count: number, next: () => number): Deviation[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  return Array.from({ length: count }, (_, index) => {
    // Every third record shares its creation time with the one before: ties the id must break.
    const created = new Date(base + Math.floor(index / 3) * 60_000 + (index % 3 === 2 ? 1 : 0));
    const record = sampleRecord(
      deviation,
      {
        orgId,
        number: `DEV-2026-${String(index + 1).padStart(4, '0')}`,
        at: created,
        ownerId: pick(owners),
        state: pick(states),
      },
      {
        title: `${pick(words)} issue ${index}`,
        severity: pick(severities),
        area: pick(areas),
        occurredAt: next() < 0.8 ? new Date(base - Math.floor(next() * 1e9)).toISOString() : undefined,
        dueAt: next() < 0.5 ? new Date(base + Math.floor(next() * 1e9)).toISOString() : undefined,
      },
    ) as Deviation;
    record.updatedAt = new Date(created.getTime() + Math.floor(next() * 1e8)).toISOString();
    for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
    return record;
  });
}

function matches(record: Deviation, options: ListRecordsOptions): boolean {
  for (const [name, filter] of Object.entries(options.filters ?? {})) {
    const values = (Array.isArray(filter) ? filter : [filter]).map(String);
    const actual = record[name];
    if (actual === undefined || !values.includes(String(actual))) return false;
  }
  if (options.q) {
    const tokens = String(record.title)
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    if (!tokens.includes(options.q.toLowerCase())) return false;
  }
  return true;
}

describe('listRecords', () => {
  let storage: Storage;
  let mine: Deviation[];

  beforeAll(async () => {
    storage = await createTestStorage();
    const next = random(42);
    mine = seedDeviations('org-a', 47, next);
    const theirs = seedDeviations('org-b', 12, next);
    await storage.db.transaction().execute(async (trx) => {
      for (const record of [...mine, ...theirs]) await insertRecord(trx, deviation, record);
    });
  });
  afterAll(() => storage.close());

  async function everyPage(options: ListRecordsOptions, strategy?: ListStrategy) {
    const seen: Deviation[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: RecordPage<Deviation> = await listRecords(
        storage.db,
        deviation,
        'org-a',
        { ...options, limit: 7, cursor },
        strategy,
      );
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(100);
    } while (cursor);
    return seen;
  }

  const filterCases: ListRecordsOptions[] = [
    {},
    { filters: { state: 'draft' } },
    { filters: { severity: ['major', 'critical'] } },
    { filters: { area: 'QC Lab', ownerId: 'u1' } },
    { q: 'pump' },
    { q: 'valve', filters: { state: ['draft', 'in_approval'] } },
  ];
  const sorts = [...recordSortKeys(deviation).keys()].flatMap((key) => [key, `-${key}`]);

  it.each(sorts)('visits every matching row exactly once, in order, sorted by %s', async (sort) => {
    for (const options of filterCases) {
      const paged = await everyPage({ ...options, sort });
      const expected = mine.filter((record) => matches(record, options));
      expect(paged.map((record) => record.id).sort()).toEqual(expected.map((record) => record.id).sort());
      // The order the database gives the whole list at once, so text collation is its own.
      const whole = await listRecords(storage.db, deviation, 'org-a', { ...options, sort, limit: 200 });
      expect(paged.map((record) => record.id)).toEqual(whole.items.map((record) => record.id));
      expect(whole.nextCursor).toBeNull();
    }
  });

  it.each(sorts)('pages a search alike whether it walks the index or sorts the matches: %s', async (sort) => {
    for (const options of filterCases.filter((options) => options.q)) {
      const walked = await everyPage({ ...options, sort }, 'walk-index');
      const sorted = await everyPage({ ...options, sort }, 'sort-matches');
      expect(walked.length).toBeGreaterThan(0);
      expect(sorted.map((record) => record.id)).toEqual(walked.map((record) => record.id));
    }
  });

  it('orders by time and by enum rank, nulls first, ids breaking ties', async () => {
    const byCreated = await everyPage({ sort: '-createdAt' });
    for (const [index, record] of byCreated.entries()) {
      const before = byCreated[index - 1];
      if (!before) continue;
      expect(before.createdAt >= record.createdAt).toBe(true);
      if (before.createdAt === record.createdAt) expect(before.id > record.id).toBe(true);
    }
    const rank = (record: Deviation) => ['minor', 'major', 'critical'].indexOf(String(record.severity)) + 1;
    const bySeverity = (await everyPage({ sort: 'severity' })).map(rank);
    expect(bySeverity).toEqual([...bySeverity].sort((a, b) => a - b));
  });

  it('orders record numbers by their sequence: 9999 before 10000', async () => {
    await storage.db.transaction().execute(async (trx) => {
      for (const number of ['DEV-2025-0002', 'DEV-2025-10000', 'DEV-2025-9999', 'DEV-2025-100000']) {
        await insertRecord(trx, deviation, sampleRecord(deviation, { orgId: 'org-numbers', number }, {}));
      }
    });
    const numbers = async (sort: string) =>
      (await listRecords(storage.db, deviation, 'org-numbers', { sort, limit: 2 })).items.map(
        (record) => record.number,
      );
    expect(await numbers('number')).toEqual(['DEV-2025-0002', 'DEV-2025-9999']);
    expect(await numbers('-number')).toEqual(['DEV-2025-100000', 'DEV-2025-10000']);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: RecordPage<Deviation> = await listRecords(storage.db, deviation, 'org-numbers', {
        sort: 'number',
        limit: 1,
        cursor,
      });
      all.push(...page.items.map((record) => record.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toEqual(['DEV-2025-0002', 'DEV-2025-9999', 'DEV-2025-10000', 'DEV-2025-100000']);
  });

  it("never shows another organization's records", async () => {
    const page = await listRecords(storage.db, deviation, 'org-b', { limit: 200 });
    expect(page.items).toHaveLength(12);
    expect(page.items.every((record) => record.orgId === 'org-b')).toBe(true);
    expect((await listRecords(storage.db, deviation, 'org-c', {})).items).toEqual([]);
  });

  it('returns records in the core shape', async () => {
    const page = await listRecords(storage.db, deviation, 'org-a', { sort: 'number', limit: 1 });
    expect(page.items[0]).toEqual(mine[0]);
  });

  it('refuses an unknown sort, an unknown filter and a foreign or forged cursor', async () => {
    const refusal = (options: ListRecordsOptions) => listRecords(storage.db, deviation, 'org-a', options);
    await expect(refusal({ sort: 'description' })).rejects.toMatchObject({
      code: 'unknown_sort',
      parameter: 'sort',
    });
    await expect(refusal({ filters: { description: 'x' } })).rejects.toMatchObject({
      code: 'unknown_filter',
      parameter: 'description',
    });
    const { nextCursor } = await listRecords(storage.db, deviation, 'org-a', { sort: 'number', limit: 2 });
    await expect(refusal({ sort: '-number', cursor: nextCursor })).rejects.toBeInstanceOf(ListQueryError);
    await expect(refusal({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ code: 'invalid_cursor' });
    await expect(refusal({ cursor: "'; DROP TABLE deviations; --" })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
    const forged = Buffer.from(
      JSON.stringify({ s: '-createdAt', v: "x'); DROP TABLE deviations; --", i: 'nope' }),
    ).toString('base64url');
    await expect(refusal({ cursor: forged })).rejects.toMatchObject({ code: 'invalid_cursor' });
  });

  it('matches nothing for an empty list of filter values', async () => {
    expect((await listRecords(storage.db, deviation, 'org-a', { filters: { state: [] } })).items).toEqual([]);
  });

  describe('on a large table', () => {
    beforeAll(async () => {
      // 20,000 rows of another organization, so the planner has a reason to prefer indexes.
      await sql`INSERT INTO deviations (id, org_id, number, state, version, owner_id, created_by, created_at, updated_at, title, data)
        SELECT gen_random_uuid(), 'org-big', 'DEV-2026-' || lpad(i::text, 5, '0'), (ARRAY['draft','closed'])[1 + i % 2], 1,
          'u1', 'u1', timestamptz '2026-01-01' + i * interval '1 minute', timestamptz '2026-01-01' + i * interval '1 minute',
          'Row ' || i, jsonb_build_object('title', 'Row ' || i, 'severity', (ARRAY['minor','major','critical'])[1 + i % 3])
        FROM generate_series(1, 20000) AS i`.execute(storage.db);
      await sql`ANALYZE deviations`.execute(storage.db);
    });

    async function planOf(options: ListRecordsOptions, strategy: ListStrategy) {
      const compiled = listRecordsQuery(storage.db, deviation, 'org-big', options, strategy).compile();
      const { rows } = await sql<{
        'QUERY PLAN': string;
      }>`EXPLAIN ${sql.raw(inline(compiled.sql, compiled.parameters))}`.execute(storage.db);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    }

    it('answers a rare search term from its matches, read through the search index', async () => {
      // The planner alone would walk the creation-time index for 51 rows that are not there.
      expect(await chooseListStrategy(storage.db, deviation, 'org-big', '12345')).toBe('sort-matches');
      const plan = await planOf({ q: '12345', limit: 50 }, 'sort-matches');
      expect(plan).toMatch(/Bitmap Index Scan on deviations_search_idx/);
      expect(plan).not.toMatch(/deviations_created_idx|Seq Scan/);
      const page = await listRecords(storage.db, deviation, 'org-big', { q: '12345' });
      expect(page.items.map((record) => record.number)).toEqual(['DEV-2026-12345']);
    });

    it('sorts the matches while they are fewer than √(page × rows), and walks the index past that', async () => {
      // About 20,000 rows: at 51 rows a page the two cost the same at √(51 × 20,000) ≈ 1,010 matches.
      const anyOf = (count: number) =>
        Array.from({ length: count }, (_, index) => String(index + 1)).join(' or ');
      expect(await chooseListStrategy(storage.db, deviation, 'org-big', anyOf(900))).toBe('sort-matches');
      expect(await chooseListStrategy(storage.db, deviation, 'org-big', anyOf(1_200))).toBe('walk-index');
      // A larger page makes sorting worth it for more matches.
      expect(await chooseListStrategy(storage.db, deviation, 'org-big', anyOf(1_200), 200)).toBe(
        'sort-matches',
      );
    });

    it(`walks the sort key's index for a term matching more than ${FEW_MATCHES} rows`, async () => {
      expect(await chooseListStrategy(storage.db, deviation, 'org-big', 'row')).toBe('walk-index');
      expect(await chooseListStrategy(storage.db, deviation, 'org-big', 'row -12345')).toBe('walk-index');
      const page = await listRecords(storage.db, deviation, 'org-big', { q: 'row', limit: 50 });
      expect(page.items).toHaveLength(50);
      expect(page.items[0]?.number).toBe('DEV-2026-20000');
    });

    it.each([
      { sort: '-createdAt' },
      { sort: 'updatedAt' },
      { sort: 'number' },
      { sort: '-severity' },
      { sort: 'title' },
      { sort: '-createdAt', filters: { state: 'draft' } },
    ])(
      'reads a page deep in the list through an index, without sorting or skipping rows: %o',
      async (options) => {
        let cursor: string | null = null;
        for (let page = 0; page < 3; page += 1) {
          ({ nextCursor: cursor } = await listRecords(storage.db, deviation, 'org-big', {
            ...options,
            limit: 50,
            cursor,
          }));
        }
        expect(cursor).not.toBeNull();
        const compiled = listRecordsQuery(storage.db, deviation, 'org-big', {
          ...options,
          limit: 50,
          cursor,
        }).compile();
        const { rows } = await sql<{
          'QUERY PLAN': string;
        }>`EXPLAIN ${sql.raw(inline(compiled.sql, compiled.parameters))}`.execute(storage.db);
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/Index (Only )?Scan/);
        expect(plan).not.toMatch(/Sort|Seq Scan/);
      },
    );
  });
});

/** EXPLAIN of the exact query, its parameters written in as literals. */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = parameters[Number(index) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  });
}
