/** The organization's audit trail over HTTP: filtered for periodic review, exported as CSV. */
import { MAX_PAGE_SIZE } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, expectOk, transition, update } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

/** The server clock, set by the test so that entries fall on known times. */
let now = new Date('2026-03-01T09:00:00.000Z');
const at = (iso: string) => {
  now = new Date(iso);
};

let kit: TestKit;
let first: { id: string; number: string };
let second: { id: string };
beforeAll(async () => {
  kit = await startTestKit({ qms: { clock: () => now } });
  at('2026-03-01T09:00:00.000Z');
  first = await createRecord(kit, 'olivia', 'deviations', describedDeviation({ title: 'Label misprint' }));
  at('2026-03-02T09:00:00.000Z');
  const submitted = await expectOk(
    transition(kit, 'olivia', 'deviations', { ...first, version: 1 }, 'SUBMIT'),
  );
  at('2026-03-03T09:00:00.000Z');
  await expectOk(
    update(
      kit,
      'quinn',
      'deviations',
      submitted,
      { immediateActions: 'Cartons quarantined, "line 4" stopped', area: 'Packaging line 4' },
      'Containment, per SOP-12',
    ),
  );
  at('2026-03-04T09:00:00.000Z');
  second = await createRecord(kit, 'ian', 'deviations', describedDeviation({ title: 'Second one' }));
  await kit.as('quinn')(`/deviations/${second.id}/comments`, {
    method: 'POST',
    body: { body: 'Linked to the first.' },
  });
  // Org B's activity, which org A's reviewers must never see.
  await createRecord(kit, 'greta', 'deviations', describedDeviation({ title: 'Org B' }));
}, kitStartTimeout);
afterAll(() => kit.close());

type Entry = { action: string; actorId: string; recordId: string; at: string; seq: number; hash: string };

async function trail(query: string): Promise<Entry[]> {
  const response = await kit.as('quinn')(`/audit-trail${query ? `?${query}` : ''}`);
  expect(response.status).toBe(200);
  return response.json.items;
}

/** RFC 4180 CSV, as the export writes it: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('filters', () => {
  it('with none, the whole trail of the organization, oldest first', async () => {
    const entries = await trail(`limit=${MAX_PAGE_SIZE}`);
    expect(entries.map((entry) => entry.action)).toEqual([
      'create',
      'transition',
      'update',
      'create',
      'comment',
    ]);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it.each<[string, () => string, string[]]>([
    ['recordId', () => `recordId=${first.id}`, ['create', 'transition', 'update']],
    ['actorId', () => 'actorId=quinn', ['update', 'comment']],
    ['action', () => 'action=create', ['create', 'create']],
    ['from', () => 'from=2026-03-03T00:00:00Z', ['update', 'create', 'comment']],
    ['to', () => 'to=2026-03-02T09:00:00Z', ['create', 'transition']],
    ['from and to', () => 'from=2026-03-02T00:00:00Z&to=2026-03-03T23:59:59Z', ['transition', 'update']],
    ['record and action', () => `recordId=${second.id}&action=comment`, ['comment']],
    ['record type', () => 'recordType=capa', []],
  ])('by %s', async (_name, query, actions) => {
    const entries = await trail(query());
    expect(entries.map((entry) => entry.action)).toEqual(actions);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const seqs: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await kit.as('quinn')(`/audit-trail?${query}`);
      seqs.push(...page.json.items.map((entry: Entry) => entry.seq));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes pages of at most MAX_PAGE_SIZE entries, like every list', async () => {
    const response = await kit.as('quinn')(`/audit-trail?limit=${MAX_PAGE_SIZE + 1}`);
    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/limit']);
  });

  it('entries carry the server time the clock gave, in UTC', async () => {
    const [created] = await trail(`recordId=${first.id}&action=create`);
    expect(created?.at).toBe('2026-03-01T09:00:00.000Z');
  });
});

describe('CSV export', () => {
  it('has a header row and one row per changed field, with reason and entry hash', async () => {
    const response = await kit.as('quinn')(`/audit-trail/export.csv?recordId=${first.id}&action=update`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-trail\.csv"$/);
    const [header, ...rows] = parseCsv(response.text);
    expect(header).toEqual([
      'seq',
      'at',
      'actor_id',
      'actor_name',
      'action',
      'record_type',
      'record_number',
      'record_id',
      'field',
      'old_value',
      'new_value',
      'reason',
      'state_from',
      'state_to',
      'entry_id',
      'previous_hash',
      'entry_hash',
      'entry_content',
    ]);
    const [update] = await trail(`recordId=${first.id}&action=update`);
    const column = (name: string) => (header as string[]).indexOf(name);
    expect(rows.map((row) => row[column('field')])).toEqual(['area', 'immediateActions']);
    for (const row of rows) {
      expect(row).toHaveLength(header?.length ?? 0);
      expect(row[column('seq')]).toBe(String(update?.seq));
      expect(row[column('actor_name')]).toBe('Quinn QA');
      expect(row[column('record_number')]).toBe(first.number);
      expect(row[column('reason')]).toBe('Containment, per SOP-12');
      expect(row[column('entry_hash')]).toBe(update?.hash);
    }
    const actions = rows.find((row) => row[column('field')] === 'immediateActions');
    expect(actions?.[column('old_value')]).toBe('');
    expect(actions?.[column('new_value')]).toBe('Cartons quarantined, "line 4" stopped');
    const area = rows.find((row) => row[column('field')] === 'area');
    expect([area?.[column('old_value')], area?.[column('new_value')]]).toEqual([
      'Warehouse',
      'Packaging line 4',
    ]);
  });

  it('without filters, covers every entry of the organization and only those', async () => {
    // The export holds the trail as it stood when asked: its own audit entry comes after it.
    const entries = await trail(`limit=${MAX_PAGE_SIZE}`);
    const response = await kit.as('aaron')('/audit-trail/export.csv');
    const [, ...rows] = parseCsv(response.text);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(entries.map((entry) => String(entry.seq))));
    expect(response.text).not.toContain('Org B');
  });
});

describe('who may review the organization-wide trail', () => {
  it.each([
    ['olivia', 403],
    ['ian', 403],
    ['victor', 403],
    ['rita', 200],
    ['quinn', 200],
    ['aaron', 200],
  ] as const)('%s → %i', async (user, status) => {
    for (const path of ['/audit-trail', '/audit-trail/export.csv', '/audit-trail/verify']) {
      const response = await kit.as(user)(path);
      expect(response.status, path).toBe(status);
      if (status === 403) expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it("a record's own trail stays readable to anyone who may read the record", async () => {
    const response = await kit.as('victor')(`/deviations/${first.id}/audit-trail`);
    expect(response.status).toBe(200);
    expect(response.json.items).toHaveLength(3);
  });

  it('verify says the chain is whole and how long it is', async () => {
    const response = await kit.as('quinn')('/audit-trail/verify');
    const entries = await trail(`limit=${MAX_PAGE_SIZE}`);
    expect(response.json).toEqual({ ok: true, entries: entries.length, headHash: entries.at(-1)?.hash });
  });
});
