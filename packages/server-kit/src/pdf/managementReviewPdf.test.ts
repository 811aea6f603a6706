/** Issue 14: the management review pack prints the KPI API's numbers for the period, with charts, in the reader's language. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPagesText } from '../documents/extractPdfText';
import { createRecord, describedDeviation, expectOk, transition } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from '../http/testing/startTestKit';

let kit: TestKit;
const period = '?from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z';

beforeAll(async () => {
  kit = await startTestKit({
    qms: { organizationName: (orgId) => (orgId === 'org-a' ? 'Acme Pharma GmbH' : 'Globex AG') },
  });
  await createRecord(kit, 'olivia', 'deviations', describedDeviation({ severity: 'major' }));
  await createRecord(kit, 'olivia', 'deviations', describedDeviation({ severity: 'critical' }));
  const submitted = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
  await expectOk(transition(kit, 'olivia', 'deviations', submitted, 'SUBMIT'));
  await createRecord(kit, 'greta', 'deviations', describedDeviation({ title: 'Org B only' }));
}, kitStartTimeout);
afterAll(() => kit.close());

async function pack(user: string, query = period, language?: string) {
  const response = await kit.fetch(`/reports/management-review.pdf${query}`, {
    headers: { authorization: `Test ${user}`, ...(language ? { 'accept-language': language } : {}) },
  });
  if (response.status !== 200)
    return { status: response.status, pages: [] as string[], text: await response.text() };
  const pages = await pdfPagesText(new Uint8Array(await response.arrayBuffer()));
  return { status: 200, pages, text: pages.join('\n') };
}

describe('GET /reports/management-review.pdf', () => {
  it("prints the KPI API's numbers for the period, on a title page and charts", async () => {
    const kpis = (await kit.as('victor')(`/reports/kpis${period}`)).json;
    const { status, pages, text } = await pack('victor');
    expect(status).toBe(200);
    expect(pages[0]).toContain('Management review');
    expect(pages[0]).toContain('Acme Pharma GmbH');
    expect(pages[0]).toContain('Period: 2026-01-01 00:00:00 UTC to 2027-01-01 00:00:00 UTC');
    for (const [index, page] of pages.entries())
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);

    expect(kpis.openByState).toContainEqual({ recordType: 'deviation', state: 'draft', count: 2 });
    expect(text).toContain('Deviation · Draft 2');
    expect(text).toContain('Deviation · In assessment 1');
    for (const row of kpis.openBySeverity.filter(
      (row: { severity: string | null }) => row.severity === 'major',
    )) {
      expect(text).toContain(`Deviation · Major ${row.count}`);
    }
    expect(text).toContain(`Overdue deviations ${kpis.overdue.deviations}`);
    expect(text).toContain(`Overdue CAPAs ${kpis.overdue.capas}`);
    const opened = kpis.openedClosedByMonth.find(
      (row: { recordType: string; opened: number }) => row.recordType === 'deviation' && row.opened > 0,
    );
    expect(opened).toBeDefined();
    expect(text).toContain(
      `${opened.month.slice(0, 7)} · Deviation: opened ${opened.opened}, closed ${opened.closed}`,
    );
    // Org B's deviation is no part of org A's pack.
    expect(opened.opened).toBe(3);
  });

  it('is written in German for a reader who asks for it, and writes an export entry', async () => {
    const { status, text } = await pack('quinn', period, 'de-DE,de;q=0.9,en;q=0.5');
    expect(status).toBe(200);
    expect(text).toContain('Managementbewertung');
    expect(text).toContain('Abweichung · Entwurf 2');
    expect(text).toContain('Eröffnet und abgeschlossen je Monat');
    expect(text).toContain('Überfällige Abweichungen');
    const entries = (await kit.as('quinn')('/audit-trail?recordType=export&actorId=quinn')).json.items;
    expect(entries.at(-1)).toMatchObject({
      action: 'export',
      changes: expect.arrayContaining([
        { field: 'what', new: 'management-review' },
        { field: 'format', new: 'pdf' },
      ]),
    });
  });

  it('refuses a period that ends before it starts, and a bad date, with a 400', async () => {
    expect((await pack('victor', '?from=2027-01-01T00:00:00.000Z&to=2026-01-01T00:00:00.000Z')).status).toBe(
      400,
    );
    expect((await pack('victor', '?from=last-year')).status).toBe(400);
  });
});
