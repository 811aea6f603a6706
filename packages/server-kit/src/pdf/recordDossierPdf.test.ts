/**
 * Issue 14: the record dossier PDF carries every field, the signatures' manifestations, the
 * trail with old and new values and reasons, attachments with their SHA-256, links, and on
 * every page the record number, who printed it, "page n of m", the content hash and the chain head.
 */
import { createHash } from 'node:crypto';
import { type Principal, recordContentHash } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPagesText } from '../documents/extractPdfText';
import { createRecord, describedDeviation, expectOk, transition, update } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, testPrincipals } from '../http/testing/startTestKit';

/** A reader of org A who reads German. */
const dieter: Principal = {
  userId: 'dieter',
  displayName: 'Dieter Müller',
  orgId: 'org-a',
  roles: ['viewer'],
  locale: 'de',
};

let kit: TestKit;
let deviation: { id: string; number: string; version: number };
let capa: { id: string; number: string };
const evidence = new TextEncoder().encode(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
);
const evidenceSha256 = createHash('sha256').update(evidence).digest('hex');

beforeAll(async () => {
  kit = await startTestKit({
    qms: {
      authenticate: (request) => {
        const user = /^Test (\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
        if (user === 'dieter') return dieter;
        return user && user in testPrincipals ? testPrincipals[user as keyof typeof testPrincipals] : null;
      },
      organizationName: (orgId) => (orgId === 'org-a' ? 'Acme Pharma GmbH' : undefined),
    },
  });
  deviation = await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({
      title: 'Kühlraum „Nord“: Temperaturabweichung',
      immediateActions: 'Ware umgelagert.',
    }),
  );
  const uploaded = await kit.fetch(`/deviations/${deviation.id}/attachments`, {
    method: 'POST',
    headers: { authorization: 'Test olivia', 'content-type': 'application/pdf', 'x-file-name': 'logger.pdf' },
    body: evidence,
  });
  expect(uploaded.status).toBe(201);
  capa = await createRecord(kit, 'ian', 'capas', {
    title: 'Stop cold-room excursions',
    description: 'Door seal wear lets warm air in.',
    kind: 'corrective',
    tasks: [
      {
        id: 't1',
        title: 'Replace door seal',
        ownerId: 'quinn',
        dueAt: '2026-12-01T00:00:00.000Z',
        done: false,
      },
    ],
    effectivenessCriteria: 'No excursion over 8 °C for 90 days.',
    dueAt: '2027-03-01T00:00:00.000Z',
  });
  const linked = await kit.as('olivia')(`/deviations/${deviation.id}/links`, {
    method: 'POST',
    body: { kind: 'addressed_by', to: { type: 'capa', id: capa.id } },
  });
  expect(linked.status, linked.text).toBe(201);
  // The attachment and the link each moved the version on.
  deviation = (await kit.as('olivia')(`/deviations/${deviation.id}`)).json;
  deviation = await expectOk(transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT'));
  deviation = await expectOk(
    update(kit, 'quinn', 'deviations', deviation, { area: 'Cold room 3' }, 'Logger location corrected'),
  );
  deviation = await expectOk(transition(kit, 'quinn', 'deviations', deviation, 'SUBMIT_ASSESSMENT'));
  deviation = await expectOk(
    transition(kit, 'quinn', 'deviations', deviation, 'APPROVE', { sign: 'approval' }),
  );
}, kitStartTimeout);
afterAll(() => kit.close());

async function dossier(
  user: string,
  id = deviation.id,
): Promise<{ status: number; pages: string[]; type: string | null }> {
  const response = await kit.fetch(`/deviations/${id}/export.pdf`, {
    headers: { authorization: `Test ${user}` },
  });
  if (response.status !== 200)
    return { status: response.status, pages: [], type: response.headers.get('content-type') };
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: 200, pages: await pdfPagesText(bytes), type: response.headers.get('content-type') };
}

describe('the record dossier PDF', () => {
  it('prints the signature manifestation, the trail with old and new values and reasons, attachments and links', async () => {
    const { status, pages, type } = await dossier('victor');
    expect(status).toBe(200);
    expect(type).toBe('application/pdf');
    const text = pages.join('\n');
    const signatures = (await kit.as('quinn')(`/deviations/${deviation.id}/signatures`)).json.items;
    expect(signatures).toHaveLength(1);
    const signedAt = signatures[0].signedAt as string;
    expect(text).toContain('Quinn QA');
    expect(text).toContain(`${signedAt.slice(0, 10)} ${signedAt.slice(11, 19)} UTC`);
    expect(text).toContain('Approval');
    expect(text).toContain(signatures[0].manifestation);
    // Fields, with people by name and choices by label.
    expect(text).toContain('Kühlraum „Nord“: Temperaturabweichung');
    expect(text).toContain('Olivia Originator (olivia)');
    expect(text).toContain('Closed');
    // The trail: old and new value, who, why; the later change is marked.
    expect(text).toContain('Old value: Warehouse');
    expect(text).toContain('New value: Cold room 3');
    expect(text).toContain('Reason: Logger location corrected');
    expect(text).toMatch(/Area \(changed after first entry\)/);
    // Attachments and links.
    expect(text).toContain('logger.pdf');
    expect(text).toContain(`SHA-256: ${evidenceSha256}`);
    expect(text).toContain(capa.number);
  });

  it('stamps every page with organization, record number, printer, page n of m, content hash and chain head', async () => {
    const { pages } = await dossier('victor');
    const record = (await kit.as('quinn')(`/deviations/${deviation.id}`)).json;
    const attachments = (await kit.as('quinn')(`/deviations/${deviation.id}/attachments`)).json.items;
    const contentHash = await recordContentHash(record, attachments);
    const head = (await kit.as('quinn')('/audit-trail/verify')).json;
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((page, index) => {
      expect(page).toContain('Acme Pharma GmbH');
      expect(page).toContain(deviation.number);
      expect(page).toContain('Printed by Victor Viewer (victor) at');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain(contentHash);
    });
    // The head printed is the one before this export's own entry: that entry follows it.
    const trail = (await kit.as('quinn')('/audit-trail?limit=200')).json.items as {
      seq: number;
      hash: string;
    }[];
    const printedHead = /entry (\d+), hash ([0-9a-f]{64})/.exec(pages[0]!);
    expect(printedHead).not.toBeNull();
    expect(trail.find((entry) => entry.seq === Number(printedHead![1]))?.hash).toBe(printedHead![2]);
    expect(head.ok).toBe(true);
  });

  it('writes one export entry to the audit trail for each dossier printed', async () => {
    const before = (await kit.as('quinn')('/audit-trail?recordType=export&limit=200')).json.items.length;
    expect((await dossier('quinn')).status).toBe(200);
    const entries = (await kit.as('quinn')('/audit-trail?recordType=export&limit=200')).json.items;
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      actorId: 'quinn',
      action: 'export',
      changes: expect.arrayContaining([
        { field: 'what', new: `deviations/${deviation.id}` },
        { field: 'format', new: 'pdf' },
        { field: 'recordNumber', new: deviation.number },
      ]),
    });
  });

  it('is written in German for a German reader, umlauts and quotes intact', async () => {
    const { status, pages } = await dossier('dieter');
    expect(status).toBe(200);
    const text = pages.join('\n');
    expect(text).toContain('Datensatzakte');
    expect(text).toContain('Elektronische Unterschriften');
    expect(text).toContain('Gedruckt von Dieter Müller (dieter)');
    expect(text).toContain(`Seite 1 von ${pages.length}`);
    expect(text).toContain('Sofortmaßnahmen');
    expect(text).toContain('Freigabe');
    expect(text).toContain('Abgeschlossen');
    expect(text).toContain('Kühlraum „Nord“: Temperaturabweichung');
    expect(text).toContain('Begründung: Logger location corrected');
  });

  it('serves every record type: a CAPA names its task owners by name and the deviation it addresses', async () => {
    const response = await kit.fetch(`/capas/${capa.id}/export.pdf`, {
      headers: { authorization: 'Test victor' },
    });
    expect(response.status).toBe(200);
    const text = (await pdfPagesText(new Uint8Array(await response.arrayBuffer()))).join('\n');
    expect(text).toContain(`CAPA ${capa.number}`);
    expect(text).toContain('Owner: Quinn QA (quinn)');
    expect(text).toContain('Replace door seal');
    expect(text).toContain(deviation.number);
  });

  it("answers 404 for another organization's record and for an unknown id, and writes no export entry", async () => {
    const before = (await kit.counts()).auditEntries;
    expect((await dossier('greta')).status).toBe(404);
    expect((await dossier('quinn', '01960000-0000-7000-8000-00000000beef')).status).toBe(404);
    expect((await kit.counts()).auditEntries).toBe(before);
  });
});
