/**
 * Issue 14, the report API, over HTTP on both drivers (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): a report's counts equal the list's under every filter and grouping,
 * overdue records, cycle times (median and p90) against hand-computed values, opened vs closed
 * per month, tenant isolation, and bad queries answered with a 400 problem.
 */
import { PROBLEM_CONTENT_TYPE } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, expectOk, transition } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, type TestUser } from '../http/testing/startTestKit';

/** The server's clock, moved by the tests: creation times and moves are stamped by it. */
let clock = new Date('2030-01-06T09:00:00.000Z');
const at = (iso: string) => {
  clock = new Date(iso);
};
const DAY_MS = 86_400_000;
/** When the report tests ask: after every seeded moment. */
const NOW = '2030-06-01T12:00:00.000Z';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({ qms: { clock: () => clock } });
  await seedDeviations();
}, kitStartTimeout);
afterAll(() => kit.close());

interface Deviation {
  id: string;
  version: number;
  state: string;
  severity?: string;
  area?: string;
  ownerId: string;
  createdAt: string;
  dueAt?: string;
}

/** Deviations of org A over four months, with severities, areas, owners and due dates that differ. */
async function seedDeviations() {
  const seeds: { at: string; by: TestUser; fields: Record<string, unknown>; submit?: boolean }[] = [
    {
      at: '2030-01-06T09:00:00.000Z',
      by: 'olivia',
      fields: { severity: 'minor', area: 'Warehouse', dueAt: '2030-02-01T00:00:00.000Z' },
    },
    {
      at: '2030-01-20T23:30:00.000Z',
      by: 'olivia',
      fields: { severity: 'major', area: 'Warehouse' },
      submit: true,
    },
    {
      at: '2030-01-31T23:59:59.000Z',
      by: 'ian',
      fields: { severity: 'critical', area: 'Packaging', dueAt: '2030-12-01T00:00:00.000Z' },
    },
    {
      at: '2030-02-01T00:00:00.000Z',
      by: 'olivia',
      fields: { severity: 'major', area: 'Packaging', ownerId: 'ian', dueAt: '2030-03-01T00:00:00.000Z' },
      submit: true,
    },
    {
      at: '2030-02-14T10:00:00.000Z',
      by: 'olivia',
      fields: { severity: 'minor', area: 'QC lab', title: 'Balance out of calibration' },
    },
    {
      at: '2030-03-02T08:00:00.000Z',
      by: 'ian',
      fields: { area: 'QC lab', title: 'Pipette excursion', severity: undefined },
    },
    {
      at: '2030-04-10T08:00:00.000Z',
      by: 'olivia',
      fields: { severity: 'major', area: 'Warehouse', ownerId: 'quinn', dueAt: '2030-05-01T00:00:00.000Z' },
    },
  ];
  for (const seed of seeds) {
    at(seed.at);
    const created = await createRecord(kit, seed.by, 'deviations', describedDeviation(seed.fields));
    if (seed.submit) {
      at(new Date(Date.parse(seed.at) + DAY_MS).toISOString());
      await expectOk(transition(kit, 'olivia', 'deviations', created, 'SUBMIT'));
    }
  }
  at('2030-01-15T09:00:00.000Z');
  await createRecord(
    kit,
    'greta',
    'deviations',
    describedDeviation({ severity: 'major', area: 'Warehouse' }),
  );
  at(NOW);
}

async function listAll(user: TestUser, query: Record<string, string>): Promise<Deviation[]> {
  const response = await kit.as(user)(`/deviations?${new URLSearchParams({ ...query, limit: '200' })}`);
  expect(response.status, response.text).toBe(200);
  expect(response.json.nextCursor).toBeNull();
  return response.json.items;
}

async function report(user: TestUser, query: Record<string, string>) {
  const response = await kit.as(user)(`/reports/deviations?${new URLSearchParams(query)}`);
  expect(response.status, response.text).toBe(200);
  return response.json;
}

/** The first day of the ISO week (Monday, UTC) a moment falls in. */
function weekOf(iso: string): string {
  const date = new Date(iso);
  const monday = Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate() - ((date.getUTCDay() + 6) % 7),
  );
  return new Date(monday).toISOString().slice(0, 10);
}

const groupKeyOf: Record<string, (record: Deviation) => string | null> = {
  none: () => null,
  severity: (record) => record.severity ?? null,
  area: (record) => record.area ?? null,
  state: (record) => record.state,
  ownerId: (record) => record.ownerId,
  month: (record) => `${record.createdAt.slice(0, 7)}-01`,
  week: (record) => weekOf(record.createdAt),
};

/** The rows a report should give, counted from the list's items in the test. */
function countedRows(
  items: Deviation[],
  keyOf: (record: Deviation) => string | null,
  measure: (record: Deviation) => number,
) {
  const counts = new Map<string | null, [number, number]>();
  for (const item of items) {
    const key = keyOf(item);
    const [count, measured] = counts.get(key) ?? [0, 0];
    counts.set(key, [count + 1, measured + measure(item)]);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([key, [count, measured]]) => ({ key, count, measured }));
}

const filterSets: Record<string, string>[] = [
  {},
  { state: 'draft' },
  { state: 'in_assessment,draft' },
  { severity: 'major' },
  { severity: 'minor,critical' },
  { ownerId: 'ian' },
  { area: 'Warehouse' },
  { createdFrom: '2030-01-20T23:30:00.000Z', createdTo: '2030-02-14T10:00:00.000Z' },
  { createdFrom: '2030-02-01T00:00:00Z' },
  { createdTo: '2030-02-01T01:00:00+01:00' },
  { q: 'calibration' },
  { q: 'excursion', severity: 'major', state: 'in_assessment' },
];

describe('GET /reports/{collection}', () => {
  it('counts what the list lists, under every filter and every grouping', async () => {
    let compared = 0;
    for (const filters of filterSets) {
      const items = await listAll('victor', filters);
      for (const groupBy of Object.keys(groupKeyOf)) {
        const query = groupBy === 'none' ? filters : { ...filters, groupBy };
        const result = await report('victor', { ...query, metric: 'count' });
        const expected = countedRows(items, groupKeyOf[groupBy]!, () => 0).map(({ key, count }) => ({
          key,
          count,
        }));
        expect(result, `${JSON.stringify(filters)} by ${groupBy}`).toEqual({
          recordType: 'deviation',
          groupBy: groupBy === 'none' ? null : groupBy,
          metric: 'count',
          rows: groupBy === 'none' && items.length === 0 ? [] : expected,
          total: items.length,
        });
        compared += 1;
      }
    }
    expect(compared).toBe(filterSets.length * Object.keys(groupKeyOf).length);
    // The seeds cover what the filters tell apart: no filter set that selects everything or nothing by accident.
    expect((await listAll('victor', {})).length).toBe(7);
    expect((await listAll('victor', filterSets[7]!)).length).toBe(3);
    expect((await listAll('victor', filterSets[9]!)).length).toBe(3);
  });

  it('counts unfinished records past their due date, per group', async () => {
    for (const filters of [{}, { area: 'Warehouse' }, { state: 'draft' }] as Record<string, string>[]) {
      const items = await listAll('rita', filters);
      const overdue = (record: Deviation) =>
        record.dueAt !== undefined && Date.parse(record.dueAt) < Date.parse(NOW) ? 1 : 0;
      const result = await report('rita', { ...filters, groupBy: 'severity', metric: 'overdue' });
      const expected = countedRows(items, groupKeyOf.severity!, overdue);
      expect(result.rows).toEqual(
        expected.map(({ key, count, measured }) => ({ key, count, overdue: measured })),
      );
      expect(result.total).toBe(expected.reduce((sum, row) => sum + row.measured, 0));
    }
    // By hand: due 2030-02-01 (minor), 2030-03-01 and 2030-05-01 (major); 2030-12-01 is not yet due.
    const all = await report('rita', { groupBy: 'severity', metric: 'overdue' });
    expect(all.rows.map((row: { key: string; overdue: number }) => [row.key, row.overdue])).toEqual([
      ['critical', 0],
      ['major', 2],
      ['minor', 1],
      [null, 0],
    ]);
  });

  it('measures cycle times from the audit trail: median and 90th percentile in days', async () => {
    // Created, then submitted after 1, 2, 3, 4 and 10 days; then assessed after 2 and 4 more.
    const created: Deviation[] = [];
    for (const [index, days] of [1, 2, 3, 4, 10].entries()) {
      const start = Date.parse('2030-05-01T00:00:00.000Z') + index * 3_600_000;
      at(new Date(start).toISOString());
      const deviation = await createRecord(
        kit,
        'olivia',
        'deviations',
        describedDeviation({
          area: 'Cycle',
          severity: index < 3 ? 'minor' : 'major',
          immediateActions: 'Stock quarantined.',
        }),
      );
      at(new Date(start + days * DAY_MS).toISOString());
      created.push(await expectOk(transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT')));
    }
    for (const [index, days] of [2, 4].entries()) {
      const submitted = created[index]!;
      at(new Date(Date.parse(submitted.createdAt) + (index + 1) * DAY_MS + days * DAY_MS).toISOString());
      await expectOk(transition(kit, 'quinn', 'deviations', submitted, 'SUBMIT_ASSESSMENT'));
    }
    // Not yet submitted: not measured.
    at('2030-05-20T00:00:00.000Z');
    await createRecord(kit, 'olivia', 'deviations', describedDeviation({ area: 'Cycle', severity: 'minor' }));
    at(NOW);

    const toAssessment = await report('quinn', {
      area: 'Cycle',
      metric: 'cycleTime',
      cycleTo: 'in_assessment',
    });
    // [1, 2, 3, 4, 10]: median 3; p90 at rank 0.9 × 4 = 3.6, 4 + 0.6 × (10 − 4) = 7.6.
    expect(toAssessment.rows).toEqual([
      { key: null, count: 5, medianDays: 3, p90Days: expect.closeTo(7.6, 9) },
    ]);
    expect(toAssessment.total).toBe(5);

    const bySeverity = await report('quinn', {
      area: 'Cycle',
      metric: 'cycleTime',
      cycleTo: 'in_assessment',
      groupBy: 'severity',
    });
    // minor [1, 2, 3]: median 2, p90 2.8; major [4, 10]: median 7, p90 4 + 0.9 × 6 = 9.4.
    expect(bySeverity.rows).toEqual([
      { key: 'major', count: 2, medianDays: 7, p90Days: expect.closeTo(9.4, 9) },
      { key: 'minor', count: 3, medianDays: 2, p90Days: expect.closeTo(2.8, 9) },
    ]);

    const assessment = await report('quinn', {
      area: 'Cycle',
      metric: 'cycleTime',
      cycleFrom: 'in_assessment',
      cycleTo: 'in_approval',
    });
    // [2, 4]: median 3, p90 2 + 0.9 × 2 = 3.8.
    expect(assessment.rows).toEqual([
      { key: null, count: 2, medianDays: 3, p90Days: expect.closeTo(3.8, 9) },
    ]);

    // The default cycle ends in a done state: none of these reached one.
    expect((await report('quinn', { area: 'Cycle', metric: 'cycleTime' })).rows).toEqual([]);
  });

  it('counts opened and closed per month, the time range bounding each by its own moment', async () => {
    const audit = await createRecord(kit, 'aaron', 'audits', {
      title: 'Internal audit: QC lab',
      auditKind: 'internal',
      scope: 'Calibration records.',
      auditee: 'QC lab',
      leadAuditorId: 'aaron',
      plannedStart: '2030-01-01',
      plannedEnd: '2030-01-03',
    });
    const finding = async (when: string) => {
      at(when);
      return createRecord(kit, 'aaron', 'findings', {
        auditId: audit.id,
        title: 'Calibration overdue',
        description: 'Two balances past their calibration date.',
        classification: 'major',
        response: 'Calibrated.',
        rationale: 'Planning gap.',
      });
    };
    const close = async (record: { id: string; version: number }, when: string) => {
      at(when);
      const responded = await expectOk(transition(kit, 'ian', 'findings', record, 'SUBMIT_RESPONSE'));
      await expectOk(transition(kit, 'quinn', 'findings', responded, 'VERIFY', { sign: 'verification' }));
    };
    const first = await finding('2029-12-20T10:00:00.000Z');
    const second = await finding('2030-01-10T10:00:00.000Z');
    await finding('2030-01-25T10:00:00.000Z');
    const fourth = await finding('2030-02-03T10:00:00.000Z');
    await close(first, '2030-01-28T10:00:00.000Z');
    await close(second, '2030-02-10T10:00:00.000Z');
    await close(fourth, '2030-03-31T23:00:00.000Z');
    at(NOW);

    const byMonth = await kit.as('rita')(
      `/reports/findings?${new URLSearchParams({ metric: 'openedClosed', groupBy: 'month', createdFrom: '2030-01-01T00:00:00Z', createdTo: '2030-04-01T00:00:00Z' })}`,
    );
    expect(byMonth.status, byMonth.text).toBe(200);
    expect(byMonth.json).toEqual({
      recordType: 'finding',
      groupBy: 'month',
      metric: 'openedClosed',
      rows: [
        { key: '2030-01-01', opened: 2, closed: 1 },
        { key: '2030-02-01', opened: 1, closed: 1 },
        { key: '2030-03-01', opened: 0, closed: 1 },
      ],
      total: 3,
    });
    const byWeek = (await kit.as('rita')('/reports/findings?metric=openedClosed&groupBy=week')).json;
    expect(byWeek.rows.reduce((sum: number, row: { opened: number }) => sum + row.opened, 0)).toBe(4);
    expect(byWeek.rows.reduce((sum: number, row: { closed: number }) => sum + row.closed, 0)).toBe(3);
    expect(byWeek.rows.map((row: { key: string }) => row.key)).toContain('2030-01-28');
  });

  it('shows each organization only its own records', async () => {
    const orgB = await report('greta', { groupBy: 'area' });
    expect(orgB.rows).toEqual([{ key: 'Warehouse', count: 1 }]);
    const orgA = await report('victor', { groupBy: 'area' });
    expect(orgA.total).toBe((await listAll('victor', {})).length);
    const cycles = await report('greta', { metric: 'cycleTime', cycleTo: 'in_assessment' });
    expect(cycles.rows).toEqual([]);
  });

  it('refuses what the record type does not offer with a 400 problem naming the parameter', async () => {
    const refusals: [string, string][] = [
      ['groupBy=colour', '/groupBy'],
      ['metric=sum', '/metric'],
      ['colour=red', '/colour'],
      ['createdFrom=yesterday', '/createdFrom'],
      ['cycleTo=finished', '/cycleTo'],
      ['metric=openedClosed&groupBy=severity', '/groupBy'],
      ['limit=10', '/limit'],
    ];
    for (const [query, pointer] of refusals) {
      const response = await kit.as('victor')(`/reports/deviations?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
      expect(
        response.json.errors.map((error: { pointer: string }) => error.pointer),
        query,
      ).toContain(pointer);
    }
    // Audits have no due date: no overdue metric to ask for.
    expect((await kit.as('victor')('/reports/audits?metric=overdue')).status).toBe(400);
    expect((await kit.fetch('/reports/deviations')).status).toBe(401);
  });
});
