import type { SeededCapas } from './seedCapas';
import type { SeedActors } from './seedDemoData';

const day = 86_400_000;

/** Audits planned, in progress, reporting and closed, with findings in each state. */
export async function seedAudits(
  actors: SeedActors,
  ids: Record<string, string>,
  now: Date,
  capas: SeededCapas,
) {
  const { auditor, qa, investigator } = actors;
  const date = (days: number) => new Date(now.getTime() + days * day).toISOString().slice(0, 10);
  const plan = (title: string, extra: Record<string, unknown>) =>
    auditor.create('audits', {
      title,
      scope: 'GMP compliance of the audited area against EU GMP Part I and 21 CFR 211.',
      leadAuditorId: ids.auditor,
      plannedStart: date(-5),
      plannedEnd: date(-3),
      ...extra,
    });
  const internal = { auditKind: 'internal', auditee: 'Sterile manufacturing' };

  await plan('Supplier audit: Stopper Co.', {
    auditKind: 'supplier',
    supplierName: 'Stopper Co. GmbH',
    plannedStart: date(20),
    plannedEnd: date(21),
  });
  await auditor.move(
    'audits',
    await plan('Supplier audit: Label Print Ltd.', {
      auditKind: 'supplier',
      supplierName: 'Label Print Ltd.',
    }),
    'CANCEL',
    { reason: 'Supplier delisted before the audit.' },
  );
  await auditor.move(
    'audits',
    await plan('Internal audit: warehouse', { auditKind: 'internal', auditee: 'Warehouse' }),
    'START',
  );

  let reporting = await auditor.move(
    'audits',
    await plan('Internal audit: sterile manufacturing', internal),
    'START',
  );
  reporting = await auditor.move('audits', reporting, 'COMPLETE_FIELDWORK');
  const finding = (title: string, classification: string) =>
    auditor.create('findings', {
      auditId: reporting.id,
      title,
      classification,
      description: `${title}. Observed during the walk-through.`,
      requirementRef: 'EU GMP Annex 1 §4.3',
      dueAt: new Date(now.getTime() + 30 * day).toISOString(),
    });
  await finding('Gowning procedure not displayed at the airlock', 'minor');
  // The response CAPA is an `addressed_by` link; the server keeps the finding's `linkedCapaIds` in step.
  const alarms = await investigator.link(
    'findings',
    await finding('Pressure cascade alarms not reviewed daily', 'major'),
    { kind: 'addressed_by', to: { type: 'capa', id: capas.implementation.id } },
  );
  await investigator
    .update('findings', alarms, { response: 'Daily alarm review added to the shift checklist.' })
    .then((responded) => investigator.move('findings', responded, 'SUBMIT_RESPONSE'));

  let closedAudit = await auditor.move(
    'audits',
    await plan('Internal audit: QC laboratory', { auditKind: 'internal', auditee: 'QC laboratory' }),
    'START',
  );
  closedAudit = await auditor.move('audits', closedAudit, 'COMPLETE_FIELDWORK');
  let labFinding = await auditor.create('findings', {
    auditId: closedAudit.id,
    title: 'Reference standard log incomplete',
    classification: 'observation',
    description: 'Two entries lacked the opening date.',
  });
  labFinding = await investigator.update('findings', labFinding, {
    response: 'Log completed and the form now requires the opening date.',
    rationale: 'An isolated omission; the form change prevents it.',
  });
  labFinding = await investigator.move('findings', labFinding, 'SUBMIT_RESPONSE');
  await qa.move('findings', labFinding, 'VERIFY', { meaning: 'verification' });
  closedAudit = await auditor.update(
    'audits',
    closedAudit,
    {
      summary: 'The QC laboratory is in a state of control; one observation.',
      report: 'Scope, method and results of the audit of the QC laboratory. One observation, closed.',
    },
    'Report written.',
  );
  await qa.move('audits', closedAudit, 'ISSUE_REPORT', { meaning: 'approval' });
}
