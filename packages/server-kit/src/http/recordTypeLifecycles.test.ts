/** CAPA, Document, Audit and Finding over HTTP: each lifecycle end to end, signatures included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, expectOk, transition, update } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

async function signaturesOf(collection: string, id: string) {
  const response = await kit.as('victor')(`/${collection}/${id}/signatures`);
  return response.json.items as {
    signerName: string;
    meaning: string;
    event: string;
    recordVersion: number;
  }[];
}

describe('CAPA: plan, approval, implementation, effectiveness', () => {
  it('goes from draft to closed with a plan approval and a verification signature', async () => {
    const task = {
      id: 't1',
      title: 'Replace door seal',
      ownerId: 'ian',
      dueAt: '2026-12-01T00:00:00.000Z',
      done: false,
    };
    let capa = await createRecord(kit, 'olivia', 'capas', {
      title: 'Stop cold-room excursions',
      description: 'Door seal wear lets warm air in.',
      kind: 'corrective',
      tasks: [task],
      effectivenessCriteria: 'No excursion over 8 °C for 90 days.',
      dueAt: '2027-03-01T00:00:00.000Z',
      sourceRefs: [{ type: 'deviation', id: 'DEV-2026-0001' }],
    });
    capa = await expectOk(transition(kit, 'ian', 'capas', capa, 'SUBMIT_PLAN'));
    expect(capa.state).toBe('plan_approval');

    const byOwner = await transition(kit, 'olivia', 'capas', capa, 'APPROVE_PLAN', { sign: 'approval' });
    expect(byOwner.status).toBe(403);
    capa = await expectOk(transition(kit, 'quinn', 'capas', capa, 'APPROVE_PLAN', { sign: 'approval' }));
    expect(capa.state).toBe('implementation');

    const moved = await update(
      kit,
      'ian',
      'capas',
      capa,
      { tasks: [{ ...task, dueAt: '2027-06-01T00:00:00.000Z' }] },
      'Later',
    );
    expect(moved).toMatchObject({ status: 422, json: { errors: [{ pointer: '/changes/tasks/0/dueAt' }] } });

    const early = await transition(kit, 'ian', 'capas', capa, 'COMPLETE_IMPLEMENTATION');
    expect(early).toMatchObject({ status: 422, json: { code: 'missing_fields' } });
    expect(early.json.errors.map((error: { pointer: string }) => error.pointer)).toContain('/tasks/0/done');

    capa = await expectOk(
      update(
        kit,
        'ian',
        'capas',
        capa,
        { tasks: [{ ...task, done: true, doneAt: '2026-11-28T10:00:00.000Z' }] },
        'Seal replaced',
      ),
    );
    capa = await expectOk(transition(kit, 'ian', 'capas', capa, 'COMPLETE_IMPLEMENTATION'));
    expect(capa.state).toBe('effectiveness_check');

    const unjudged = await transition(kit, 'quinn', 'capas', capa, 'CONFIRM_EFFECTIVE', {
      sign: 'verification',
    });
    expect(unjudged).toMatchObject({ status: 422, json: { code: 'missing_fields' } });
    capa = await expectOk(
      update(
        kit,
        'ian',
        'capas',
        capa,
        { effectivenessResult: 'effective', effectivenessEvidence: '90 days of logger data, max 6.8 °C.' },
        'Effectiveness check done',
      ),
    );
    const wrongMeaning = await transition(kit, 'quinn', 'capas', capa, 'CONFIRM_EFFECTIVE', {
      sign: 'approval',
    });
    expect(wrongMeaning).toMatchObject({ status: 422, json: { code: 'signature_meaning_mismatch' } });
    capa = await expectOk(
      transition(kit, 'quinn', 'capas', capa, 'CONFIRM_EFFECTIVE', { sign: 'verification' }),
    );
    expect(capa.state).toBe('closed');

    expect(await signaturesOf('capas', capa.id)).toMatchObject([
      { signerName: 'Quinn QA', meaning: 'approval', event: 'APPROVE_PLAN' },
      {
        signerName: 'Quinn QA',
        meaning: 'verification',
        event: 'CONFIRM_EFFECTIVE',
        recordVersion: capa.version,
      },
    ]);
  });
});

describe('Document: review, approval, version', () => {
  it('is reviewed and approved by two signers, and approval makes it version 1.0', async () => {
    let document = await createRecord(kit, 'olivia', 'documents', {
      title: 'Cold-room monitoring SOP',
      documentKind: 'sop',
      content: '1. Purpose\n2. Scope\n3. Procedure',
      effectiveDate: '2027-01-01',
      reviewIntervalMonths: 24,
    });
    document = await expectOk(transition(kit, 'olivia', 'documents', document, 'SUBMIT_FOR_REVIEW'));

    document = await expectOk(
      transition(kit, 'rita', 'documents', document, 'REQUEST_CHANGES', { reason: 'Add alarm limits.' }),
    );
    expect(document).toMatchObject({ state: 'draft', versionLabel: '0.2' });
    document = await expectOk(
      update(kit, 'olivia', 'documents', document, {
        content: '1. Purpose\n2. Scope\n3. Procedure\n4. Alarm limits',
      }),
    );
    document = await expectOk(transition(kit, 'olivia', 'documents', document, 'SUBMIT_FOR_REVIEW'));

    const unsignedReview = await transition(kit, 'rita', 'documents', document, 'COMPLETE_REVIEW');
    expect(unsignedReview).toMatchObject({ status: 422, json: { code: 'signature_required' } });
    document = await expectOk(
      transition(kit, 'rita', 'documents', document, 'COMPLETE_REVIEW', { sign: 'review' }),
    );
    expect(document.state).toBe('in_approval');

    const byReviewer = await transition(kit, 'rita', 'documents', document, 'APPROVE', { sign: 'approval' });
    expect(byReviewer.status).toBe(403);
    document = await expectOk(
      transition(kit, 'quinn', 'documents', document, 'APPROVE', { sign: 'approval' }),
    );
    expect(document).toMatchObject({ state: 'approved', versionLabel: '1.0' });

    const signatures = await signaturesOf('documents', document.id);
    expect(signatures).toMatchObject([
      { signerName: 'Rita Reviewer', meaning: 'review', event: 'COMPLETE_REVIEW' },
      { signerName: 'Quinn QA', meaning: 'approval', event: 'APPROVE', recordVersion: document.version },
    ]);
    // Becoming effective is the scheduler's move, never a person's.
    const byHand = await transition(kit, 'quinn', 'documents', document, 'BECOME_EFFECTIVE');
    expect(byHand.status).toBe(403);
  });
});

describe('Audit and its findings', () => {
  const plannedAudit = {
    title: 'Internal audit: warehouse',
    auditKind: 'internal',
    scope: 'Storage conditions and temperature mapping.',
    auditee: 'Warehouse',
    leadAuditorId: 'aaron',
    plannedStart: '2026-11-01',
    plannedEnd: '2026-11-03',
  };

  it('issues its report only once every finding is closed', async () => {
    let audit = await createRecord(kit, 'aaron', 'audits', plannedAudit);
    audit = await expectOk(transition(kit, 'aaron', 'audits', audit, 'START'));
    audit = await expectOk(transition(kit, 'aaron', 'audits', audit, 'COMPLETE_FIELDWORK'));
    let finding = await createRecord(kit, 'aaron', 'findings', {
      auditId: audit.id,
      title: 'Mapping study overdue',
      description: 'Last temperature mapping is 26 months old.',
      classification: 'minor',
    });
    audit = await expectOk(
      update(
        kit,
        'aaron',
        'audits',
        audit,
        { summary: 'One minor finding.', report: 'Full report text.' },
        'Report written',
      ),
    );

    const blocked = await transition(kit, 'quinn', 'audits', audit, 'ISSUE_REPORT', { sign: 'approval' });
    expect(blocked).toMatchObject({ status: 409, json: { code: 'guard_failed' } });
    expect(blocked.json.detail).toMatch(/finding/i);

    finding = await expectOk(
      update(kit, 'ian', 'findings', finding, {
        response: 'Mapping booked for December.',
        rationale: 'Scheduling only.',
      }),
    );
    finding = await expectOk(transition(kit, 'ian', 'findings', finding, 'SUBMIT_RESPONSE'));
    const stillOpen = await transition(kit, 'quinn', 'audits', audit, 'ISSUE_REPORT', { sign: 'approval' });
    expect(stillOpen.status).toBe(409);

    const byOwner = await transition(kit, 'aaron', 'findings', finding, 'VERIFY', { sign: 'verification' });
    expect(byOwner).toMatchObject({ status: 403, json: { code: 'segregation_of_duties' } });
    finding = await expectOk(
      transition(kit, 'quinn', 'findings', finding, 'VERIFY', { sign: 'verification' }),
    );
    expect(finding.state).toBe('closed');

    audit = await expectOk(transition(kit, 'quinn', 'audits', audit, 'ISSUE_REPORT', { sign: 'approval' }));
    expect(audit.state).toBe('closed');
    expect(await signaturesOf('audits', audit.id)).toMatchObject([
      { meaning: 'approval', event: 'ISSUE_REPORT' },
    ]);
  });

  it.each([
    ['names no audit', async () => '01960000-0000-7000-8000-0000000000a1'],
    ['is no UUID', async () => 'AUD-2026-0001'],
    [
      "names another organization's audit",
      async () => (await createRecord(kit, 'gus', 'audits', plannedAudit)).id,
    ],
  ])('a finding whose auditId %s is a 422, and nothing is written', async (_name, auditIdOf) => {
    const auditId = await auditIdOf();
    const before = await kit.counts();
    const response = await kit.as('aaron')('/findings', {
      method: 'POST',
      body: { auditId, title: 'Orphan finding' },
    });
    expect(response.status).toBe(422);
    expect(response.json.errors).toContainEqual({ pointer: '/auditId', detail: expect.any(String) });
    expect(await kit.counts()).toEqual(before);
  });

  it('a finding stays with the audit that raised it', async () => {
    const audit = await createRecord(kit, 'aaron', 'audits', plannedAudit);
    const other = await createRecord(kit, 'aaron', 'audits', plannedAudit);
    const finding = await createRecord(kit, 'aaron', 'findings', { auditId: audit.id, title: 'Stays put' });
    const moved = await update(kit, 'aaron', 'findings', finding, { auditId: other.id });
    expect(moved).toMatchObject({ status: 422, json: { errors: [{ pointer: '/changes/auditId' }] } });
  });
});
