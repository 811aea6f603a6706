/**
 * Issue 11, item 10: a full verification of a long trail runs as a background job with progress
 * and a stored result; `GET /audit-trail/verify` then recomputes only what came after it.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { createRecord, describedDeviation } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
/** More entries than one verification batch (2,000), so the job reports progress on its way. */
const longTrail = 2_050;

beforeAll(async () => {
  kit = await startTestKit();
  await kit.storage.db.transaction().execute(async (trx) => {
    for (let i = 0; i < longTrail; i += 1) {
      await appendAuditEntry(trx, {
        orgId: 'org-a',
        actorId: 'olivia',
        actorName: 'Olivia Originator',
        action: 'update',
        recordType: 'deviation',
        recordId: uuidv7(),
        changes: [{ field: 'title', old: `v${i}`, new: `v${i + 1}` }],
        reason: `step ${i}`,
      });
    }
  });
}, kitStartTimeout);
afterAll(() => kit.close());

async function finished(id: string) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const job = (await kit.as('quinn')(`/audit-trail/verifications/${id}`)).json;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the verification did not finish');
}

describe('full verification as a background job', () => {
  it('answers 202 with the job, runs it, and keeps its progress and result', async () => {
    const started = await kit.as('quinn')('/audit-trail/verifications', { method: 'POST' });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/audit-trail/verifications/${started.json.id}`);
    expect(started.json).toMatchObject({
      status: 'queued',
      requestedBy: 'quinn',
      entriesVerified: 0,
      result: null,
    });

    const job = await finished(started.json.id);
    expect(job).toMatchObject({
      status: 'ok',
      entriesTotal: longTrail,
      entriesVerified: longTrail,
      result: { ok: true, entries: longTrail },
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
  });

  it('lets the request path recompute only what was appended since', async () => {
    await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const verify = await kit.as('quinn')('/audit-trail/verify');
    expect(verify.json).toMatchObject({ ok: true, entries: longTrail + 1, recomputedAfter: longTrail });
  });

  it('a later full verification finds an entry edited behind the application’s back', async () => {
    await sql`ALTER TABLE audit_trail DISABLE TRIGGER USER`.execute(kit.storage.db);
    await sql`UPDATE audit_trail SET reason = 'quietly changed' WHERE org_id = 'org-a' AND seq = 10`.execute(
      kit.storage.db,
    );
    await sql`ALTER TABLE audit_trail ENABLE TRIGGER USER`.execute(kit.storage.db);
    const started = await kit.as('quinn')('/audit-trail/verifications', { method: 'POST' });
    const job = await finished(started.json.id);
    expect(job).toMatchObject({
      status: 'broken',
      result: { ok: false, entries: 9, brokenAt: { seq: 10, reason: 'entry_changed' } },
    });
    // With no whole verification to lean on since, the request path recomputes from the start again.
    expect((await kit.as('quinn')('/audit-trail/verify')).json).toMatchObject({
      ok: false,
      brokenAt: { seq: 10 },
    });
  });

  it('is taken over by another process when the one running it died', async () => {
    const orphan = uuidv7();
    await kit.storage.db
      .insertInto('audit_verifications')
      .values({
        id: orphan,
        org_id: 'org-b',
        status: 'running',
        requested_by: 'greta',
        requested_at: new Date(Date.now() - 10 * 60_000),
        started_at: new Date(Date.now() - 10 * 60_000),
        heartbeat_at: new Date(Date.now() - 5 * 60_000),
      })
      .execute();
    expect(await kit.qms.resumeAuditVerifications()).toBeGreaterThanOrEqual(1);
    const job = (await kit.as('greta')(`/audit-trail/verifications/${orphan}`)).json;
    expect(job).toMatchObject({ status: 'ok', result: { ok: true } });
    expect(await kit.qms.resumeAuditVerifications()).toBe(0);
  });

  it('is for reviewers of the trail, within their organization', async () => {
    expect((await kit.as('victor')('/audit-trail/verifications', { method: 'POST' })).status).toBe(403);
    const started = await kit.as('quinn')('/audit-trail/verifications', { method: 'POST' });
    expect((await kit.as('greta')(`/audit-trail/verifications/${started.json.id}`)).status).toBe(404);
    await finished(started.json.id);
  });
});
