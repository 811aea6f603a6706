/** Issue 11, item 7: attachment names show what they are, a finished record takes no file, a changed file is refused. */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, expectOk, transition } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

function upload(recordId: string, fileName: string) {
  return kit.fetch(`/deviations/${recordId}/attachments`, {
    method: 'POST',
    headers: {
      authorization: 'Test olivia',
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(fileName),
    },
    body: pdf,
  });
}

/** A minor deviation taken to `closed`, its final state. */
async function closedDeviation() {
  const created = await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({ severity: 'minor', immediateActions: 'Product moved to cold room 2.' }),
  );
  const submitted = await expectOk(
    transition(kit, 'olivia', 'deviations', { ...created, version: 1 }, 'SUBMIT'),
  );
  const assessed = await expectOk(transition(kit, 'quinn', 'deviations', submitted, 'SUBMIT_ASSESSMENT'));
  return expectOk(transition(kit, 'quinn', 'deviations', assessed, 'APPROVE', { sign: 'approval' }));
}

describe('attachment integrity', () => {
  it('strips bidirectional controls, so a name cannot pose as another type', async () => {
    const { id } = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const response = await upload(id, 'invoice\u202Efdp.exe\u2066\u200F');
    expect(response.status).toBe(201);
    expect((await response.json()).fileName).toBe('invoicefdp.exe');
  });

  it('refuses a new attachment on a record in a final state, and keeps nothing of it', async () => {
    const closed = await closedDeviation();
    expect(closed.state).toBe('closed');
    const before = await kit.counts();
    const response = await upload(closed.id, 'late.pdf');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'record_final', status: 409 });
    expect(await kit.counts()).toEqual(before);
  });

  it('refuses to hand out a file changed at rest, with a clear problem', async () => {
    const { id } = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const attachment = await (await upload(id, 'logger.pdf')).json();
    const path = `/deviations/${id}/attachments/${attachment.id}`;
    expect((await kit.fetch(path, { headers: { authorization: 'Test olivia' } })).status).toBe(200);

    // Someone with access to the disk swaps the bytes behind the application's back.
    const entries = await readdir(kit.filesRoot, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((candidate) => candidate.isFile())) {
      await writeFile(join(entry.parentPath, entry.name), '%PDF-1.7\n% a different batch record\n%%EOF\n');
    }
    const refused = await kit.fetch(path, { headers: { authorization: 'Test olivia' } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({
      code: 'attachment_changed',
      detail: expect.stringContaining('logger.pdf'),
    });
  });
});
