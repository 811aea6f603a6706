/**
 * Issue 11, items 3, 7 and 10: the audit-trail CSV neutralises formulas, carries each entry's id,
 * previous hash and hash with exactly what was hashed, so a copy verifies offline
 * (scripts/verify-audit-export.mjs), and streams the trail page by page.
 */
import { MAX_PAGE_SIZE } from '@masetra/core';
import { parse } from 'csv-parse/sync';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditExport } from '../../../../scripts/verify-audit-export.mjs';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { createRecord, describedDeviation, expectOk, update } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
let hostile: { id: string; number: string; version: number };
/** Org B's trail: more than two pages of entries, written straight to the trail. */
const total = MAX_PAGE_SIZE * 2 + 7;
beforeAll(async () => {
  kit = await startTestKit();
  // Written before any request: a long write would outlast an idle keep-alive connection of the test's fetch.
  await kit.storage.db.transaction().execute(async (trx) => {
    for (let i = 0; i < total; i += 1) {
      await appendAuditEntry(trx, {
        orgId: 'org-b',
        actorId: 'greta',
        actorName: 'Greta Globex',
        action: 'update',
        recordType: 'deviation',
        recordId: uuidv7(),
        changes: [{ field: 'title', old: `v${i}`, new: `v${i + 1}` }],
        reason: `step ${i}`,
      });
    }
  });
  hostile = await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({ title: '=HYPERLINK("https://evil.example","Open")', area: '+1 Cleanroom' }),
  );
  await expectOk(update(kit, 'olivia', 'deviations', hostile, { description: '@SUM(A1:A9)' }));
}, kitStartTimeout);
afterAll(() => kit.close());

type Row = Record<string, string>;
const rowsOf = (text: string): Row[] => parse(text, { columns: true, skip_empty_lines: true });

describe('the audit-trail CSV', () => {
  it('prefixes formulas with a quote in the readable cells and says so, while entry_content stays exact', async () => {
    const response = await kit.as('quinn')(`/audit-trail/export.csv?recordId=${hostile.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-masetra-csv-formulas')).toBe('escaped');
    const rows = rowsOf(response.text);
    const cellOf = (field: string) => rows.filter((row) => row.field === field).at(-1)?.new_value;
    expect(cellOf('title')).toBe(`'=HYPERLINK("https://evil.example","Open")`);
    expect(cellOf('area')).toBe("'+1 Cleanroom");
    expect(cellOf('description')).toBe("'@SUM(A1:A9)");
    for (const row of rows) expect(row.new_value).not.toMatch(/^[=+\-@\t\r]/);
    const created = rows.find((row) => row.entry_content);
    expect(JSON.parse(created!.entry_content!).changes).toEqual(
      expect.arrayContaining([
        { field: 'title', old: null, new: '=HYPERLINK("https://evil.example","Open")' },
      ]),
    );
  });

  it('verifies offline, whole or filtered, and a changed copy does not', async () => {
    // An export holds the trail as it stood when asked: up to the head before its own audit entry.
    const head = (await kit.as('quinn')('/audit-trail/verify')).json;
    const whole = (await kit.as('quinn')('/audit-trail/export.csv')).text;
    expect(verifyAuditExport(whole, { head: head.headHash })).toMatchObject({
      ok: true,
      lastHash: head.headHash,
    });
    const filtered = (await kit.as('quinn')(`/audit-trail/export.csv?recordId=${hostile.id}&action=update`))
      .text;
    expect(verifyAuditExport(filtered)).toMatchObject({ ok: true, entries: 1 });

    const edited = whole.replace('+1 Cleanroom', '+1 Warehouse');
    expect(edited).not.toBe(whole);
    expect(verifyAuditExport(edited)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('new_value of area'),
    });
    // Changing the hashed content as well only moves the failure to the hash.
    const bothEdited = whole.replaceAll('+1 Cleanroom', '+1 Warehouse');
    expect(verifyAuditExport(bothEdited)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('was changed'),
    });
  });

  it(`streams a trail longer than a page (${MAX_PAGE_SIZE} entries) whole, in order`, async () => {
    const response = await kit.fetch('/audit-trail/export.csv', { headers: { authorization: 'Test greta' } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const rows = rowsOf(text);
    expect(rows).toHaveLength(total);
    expect(rows.map((row) => Number(row.seq))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(text.match(/^seq,/gm)).toHaveLength(1);
    expect(verifyAuditExport(text)).toMatchObject({ ok: true, entries: total });
  });
});
