/**
 * Issue 14, the built-in KPIs (`GET /reports/kpis`, and `computeKpis` that the management review
 * pack reads), over HTTP on both drivers: each figure against records whose history the test
 * wrote with the server's clock, so each expected value is counted by hand.
 */
import { controlledDocument } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEffective } from '../http/testing/documentSteps';
import { documentDraft } from '../http/testing/recordScenarios';
import { createRecord, describedDeviation, expectOk, transition, update } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from '../http/testing/startTestKit';
import { computeKpis } from './index';

let clock = new Date('2030-01-06T09:00:00.000Z');
const at = (iso: string) => {
  clock = new Date(iso);
};
const NOW = '2030-06-01T12:00:00.000Z';
const PERIOD = { from: '2030-01-01T00:00:00.000Z', to: '2030-07-01T00:00:00.000Z' };

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({ qms: { clock: () => clock } });
  await seed();
}, kitStartTimeout * 2);
afterAll(() => kit.close());

const task = {
  id: 't1',
  title: 'Replace door seal',
  ownerId: 'ian',
  dueAt: '2030-03-01T00:00:00.000Z',
  done: false,
};

async function capaInEffectivenessCheck(created: string, dueAt: string) {
  at(created);
  let capa = await createRecord(kit, 'olivia', 'capas', {
    title: 'Stop cold-room excursions',
    description: 'Door seal wear lets warm air in.',
    kind: 'corrective',
    tasks: [task],
    effectivenessCriteria: 'No excursion over 8 °C for 90 days.',
    dueAt,
  });
  capa = await expectOk(transition(kit, 'ian', 'capas', capa, 'SUBMIT_PLAN'));
  capa = await expectOk(transition(kit, 'quinn', 'capas', capa, 'APPROVE_PLAN', { sign: 'approval' }));
  capa = await expectOk(
    update(kit, 'ian', 'capas', capa, { tasks: [{ ...task, done: true, doneAt: created }] }, 'Done'),
  );
  return expectOk(transition(kit, 'ian', 'capas', capa, 'COMPLETE_IMPLEMENTATION'));
}

async function confirmEffective(capa: { id: string; version: number }, when: string) {
  at(when);
  const judged = await expectOk(
    update(
      kit,
      'ian',
      'capas',
      capa,
      { effectivenessResult: 'effective', effectivenessEvidence: 'Logger data.' },
      'Checked',
    ),
  );
  return expectOk(transition(kit, 'quinn', 'capas', judged, 'CONFIRM_EFFECTIVE', { sign: 'verification' }));
}

async function seed() {
  // Deviations: two drafts (one past due), one in assessment.
  at('2030-02-01T08:00:00.000Z');
  await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({ severity: 'minor', dueAt: '2030-05-01T00:00:00.000Z' }),
  );
  await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({ severity: 'major', dueAt: '2030-08-01T00:00:00.000Z' }),
  );
  const submitted = await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({ severity: 'major' }),
  );
  at('2030-03-05T08:00:00.000Z');
  await expectOk(transition(kit, 'olivia', 'deviations', submitted, 'SUBMIT'));

  // CAPA A: effective at the first check, before its due date.
  const capaA = await capaInEffectivenessCheck('2030-02-10T08:00:00.000Z', '2030-04-01T00:00:00.000Z');
  await confirmEffective(capaA, '2030-03-15T08:00:00.000Z');
  // CAPA B: not effective at the first check; effective at the second, after its due date.
  let capaB = await capaInEffectivenessCheck('2030-02-11T08:00:00.000Z', '2030-04-01T00:00:00.000Z');
  at('2030-03-20T08:00:00.000Z');
  capaB = await expectOk(
    update(kit, 'ian', 'capas', capaB, { effectivenessResult: 'not_effective' }, 'Excursions again'),
  );
  capaB = await expectOk(
    transition(kit, 'quinn', 'capas', capaB, 'REPORT_NOT_EFFECTIVE', { reason: 'Two excursions in March.' }),
  );
  capaB = await expectOk(transition(kit, 'ian', 'capas', capaB, 'COMPLETE_IMPLEMENTATION'));
  await confirmEffective(capaB, '2030-04-10T08:00:00.000Z');
  // CAPA C: a draft past its due date, with a task past its own.
  at('2030-02-12T08:00:00.000Z');
  await createRecord(kit, 'olivia', 'capas', {
    title: 'Retrain warehouse staff',
    tasks: [{ ...task, dueAt: '2030-05-01T00:00:00.000Z' }],
    dueAt: '2030-05-15T00:00:00.000Z',
  });

  // Findings: a minor one before the period, a major and a minor one in it.
  const audit = await createRecord(kit, 'aaron', 'audits', {
    title: 'Internal audit: warehouse',
    auditKind: 'internal',
    scope: 'Storage conditions.',
    auditee: 'Warehouse',
    leadAuditorId: 'aaron',
    plannedStart: '2030-01-01',
    plannedEnd: '2030-01-03',
  });
  for (const [when, classification] of [
    ['2029-12-15T08:00:00.000Z', 'minor'],
    ['2030-01-15T08:00:00.000Z', 'major'],
    ['2030-02-15T08:00:00.000Z', 'minor'],
  ] as const) {
    at(when);
    await createRecord(kit, 'aaron', 'findings', {
      auditId: audit.id,
      title: 'Mapping overdue',
      classification,
    });
  }

  // Documents: one review due in 19 days, one overdue by a month.
  at('2030-05-01T08:00:00.000Z');
  for (const effectiveDate of ['2028-06-20', '2028-05-01']) {
    const draft = await createRecord(
      kit,
      'olivia',
      'documents',
      documentDraft({ effectiveDate, reviewIntervalMonths: 24 }),
    );
    await makeEffective(kit, draft);
  }
  at(NOW);
}

describe('GET /reports/kpis', () => {
  it('computes each KPI from the records and their trail', async () => {
    const response = await kit.as('victor')(`/reports/kpis?${new URLSearchParams(PERIOD)}`);
    expect(response.status, response.text).toBe(200);
    const kpis = response.json;
    expect(kpis.period).toEqual(PERIOD);
    expect(kpis.generatedAt).toBe(NOW);
    expect(kpis.openByState.filter((row: { recordType: string }) => row.recordType === 'deviation')).toEqual([
      { recordType: 'deviation', state: 'draft', count: 2 },
      { recordType: 'deviation', state: 'in_assessment', count: 1 },
    ]);
    expect(kpis.openByState.filter((row: { recordType: string }) => row.recordType === 'capa')).toEqual([
      { recordType: 'capa', state: 'draft', count: 1 },
    ]);
    expect(kpis.openBySeverity).toEqual([
      { recordType: 'deviation', severity: 'major', count: 2 },
      { recordType: 'deviation', severity: 'minor', count: 1 },
      { recordType: 'finding', severity: 'major', count: 1 },
      { recordType: 'finding', severity: 'minor', count: 2 },
    ]);
    expect(kpis.overdue).toEqual({ deviations: 1, capas: 1, capaTasks: 1 });
    expect(kpis.capaOnTime).toEqual({ closed: 2, onTime: 1, rate: 0.5 });
    expect(kpis.capaEffectiveness).toEqual({ checks: 3, effective: 2, rate: 2 / 3 });
    expect(kpis.documentsDueForReview).toEqual({ dueWithin30Days: 1, overdue: 1 });
    expect(kpis.findingsBySeverity).toEqual([
      { severity: 'major', count: 1 },
      { severity: 'minor', count: 1 },
    ]);
    const capaMonths = kpis.openedClosedByMonth.filter(
      (row: { recordType: string }) => row.recordType === 'capa',
    );
    expect(capaMonths).toEqual([
      { recordType: 'capa', month: '2030-02-01', opened: 3, closed: 0 },
      { recordType: 'capa', month: '2030-03-01', opened: 0, closed: 1 },
      { recordType: 'capa', month: '2030-04-01', opened: 0, closed: 1 },
    ]);
    // The same figures as the report API's, per type.
    const deviations = (
      await kit.as('victor')(
        `/reports/deviations?metric=openedClosed&createdFrom=${PERIOD.from}&createdTo=${PERIOD.to}`,
      )
    ).json;
    expect(
      kpis.openedClosedByMonth.filter((row: { recordType: string }) => row.recordType === 'deviation'),
    ).toEqual(
      deviations.rows.map((row: { key: string; opened: number; closed: number }) => ({
        recordType: 'deviation',
        month: row.key,
        opened: row.opened,
        closed: row.closed,
      })),
    );
  });

  it('is what computeKpis answers, for the management review pack', async () => {
    const direct = await computeKpis(kit.storage.db, kit.qms.registry, 'org-a', {
      ...PERIOD,
      now: new Date(NOW),
    });
    const served = (await kit.as('victor')(`/reports/kpis?${new URLSearchParams(PERIOD)}`)).json;
    expect(direct).toEqual(served);
  });

  it("counts only the caller's organization, defaults to the last 12 months, and refuses an empty period", async () => {
    const orgB = (await kit.as('greta')('/reports/kpis')).json;
    expect(orgB.openByState).toEqual([]);
    expect(orgB.overdue).toEqual({ deviations: 0, capas: 0, capaTasks: 0 });
    expect(orgB.capaOnTime).toEqual({ closed: 0, onTime: 0, rate: null });
    expect(orgB.period).toEqual({ from: '2029-07-01T00:00:00.000Z', to: NOW });
    const reversed = await kit.as('victor')(`/reports/kpis?from=${PERIOD.to}&to=${PERIOD.from}`);
    expect(reversed.status).toBe(400);
    expect((await kit.as('victor')('/reports/kpis?from=soon')).status).toBe(400);
    expect(controlledDocument.dueField).toBe('nextReviewDue');
  });
});
