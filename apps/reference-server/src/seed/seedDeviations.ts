import type { SeedRecord } from './seedApi';
import type { SeededCapas } from './seedCapas';
import type { SeedActors } from './seedDemoData';

const day = 86_400_000;

/**
 * Deviations in every state, some overdue, one critical with a full 5-Why and fishbone. Their
 * links go through the link routes as a person's would: the batch each concerns (created with
 * the deviation, in one transaction), the CAPAs that address them (the server keeps
 * `linkedCapaIds` in step), and a recurrence of an earlier excursion.
 */
export async function seedDeviations(
  actors: SeedActors,
  _ids: Record<string, string>,
  now: Date,
  capas: SeededCapas,
) {
  const { originator, qa, investigator } = actors;
  const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
  const raise = (
    title: string,
    severity: string,
    area: string,
    daysAgo: number,
    description: string,
    links: Record<string, unknown>[] = [],
  ) =>
    originator.create('deviations', {
      title,
      description,
      severity,
      area,
      occurredAt: at(-daysAgo),
      dueAt: at(30 - daysAgo),
      links: [
        {
          kind: 'concerns',
          host: {
            system: 'erp',
            kind: 'batch',
            id: `24-${100 + daysAgo}`,
            label: `Batch 24-${100 + daysAgo}`,
          },
        },
        ...links,
      ],
    });
  const addressedBy = (deviation: SeedRecord, capa: SeedRecord) =>
    qa.link('deviations', deviation, { kind: 'addressed_by', to: { type: 'capa', id: capa.id } });
  const toApproval = async (deviation: SeedRecord, actions: string) => {
    let moved = await originator.move('deviations', deviation, 'SUBMIT');
    moved = await qa.update(
      'deviations',
      moved,
      { immediateActions: actions },
      'Assessment: containment recorded.',
    );
    return qa.move('deviations', moved, 'SUBMIT_ASSESSMENT');
  };
  const investigate = (deviation: SeedRecord, changes: Record<string, unknown>) =>
    investigator.update('deviations', deviation, changes, 'Investigation findings recorded.');

  await raise(
    'Label misprint on secondary packaging',
    'minor',
    'Packaging line 1',
    1,
    'Expiry date printed faintly on 40 cartons.',
  );

  await originator.move(
    'deviations',
    await raise(
      'Autoclave cycle aborted in sterilisation phase',
      'major',
      'Sterile manufacturing',
      4,
      'Cycle 2231 aborted at 118 °C; load held.',
    ),
    'SUBMIT',
  );

  await toApproval(
    await raise(
      'Missing second signature on batch record page 12',
      'minor',
      'Production',
      6,
      'Verification step not countersigned.',
    ),
    'Batch record returned to production for review.',
  );

  const excursion = await toApproval(
    await raise(
      'Temperature excursion in cold room 3',
      'major',
      'Warehouse',
      9,
      'Logger showed 9.1 °C for 40 minutes.',
    ),
    'Affected pallets quarantined; QA notified.',
  );
  const inInvestigation = await qa.move('deviations', excursion, 'APPROVE', { meaning: 'approval' });
  // The same cold room again, a week later: raised as a recurrence of the first excursion.
  await raise(
    'Temperature excursion in cold room 3 during a delivery',
    'major',
    'Warehouse',
    2,
    'Logger showed 8.9 °C for 25 minutes while the door was open for a delivery.',
    [{ kind: 'recurrence_of', to: { type: 'deviation', id: excursion.id } }],
  );
  await investigate(inInvestigation, {
    rootCauseMethod: 'five_whys',
    investigation: {
      fiveWhys: [
        { why: 'Why did the temperature rise?', because: 'The door stayed ajar during a delivery.' },
        { why: 'Why did the door stay ajar?', because: 'The door seal was worn and the door did not latch.' },
      ],
    },
  });

  const particles = await toApproval(
    await raise(
      'Particulate matter found in vial inspection',
      'critical',
      'Fill & finish',
      14,
      'Three vials of lot 24-114 rejected for visible particles.',
    ),
    'Lot 24-114 on hold; 100 % re-inspection started.',
  );
  let finalApproval = await qa.move('deviations', particles, 'APPROVE', { meaning: 'approval' });
  finalApproval = await addressedBy(finalApproval, capas.implementation);
  finalApproval = await investigate(finalApproval, {
    rootCause: 'Stopper fragments from a misaligned capping head.',
    rootCauseMethod: 'fishbone',
    investigation: {
      fishbone: [
        { category: 'machine', cause: 'Capping head misaligned after maintenance', isRootCause: true },
        { category: 'method', cause: 'No alignment check in the post-maintenance checklist' },
        { category: 'material', cause: 'Stopper lot within specification' },
        { category: 'man', cause: 'Operators trained and qualified' },
        { category: 'measurement', cause: 'Inspection camera calibrated' },
        { category: 'environment', cause: 'Grade A particle counts normal' },
      ],
      fiveWhys: [
        { why: 'Why were there particles?', because: 'Stopper fragments were shed during capping.' },
        { why: 'Why were stoppers damaged?', because: 'The capping head was misaligned.' },
        { why: 'Why was it misaligned?', because: 'Maintenance did not include an alignment check.' },
      ],
    },
    impactAssessment: 'Only lot 24-114 affected; re-inspection removed all affected vials.',
    capaRequired: true,
  });
  await investigator.move('deviations', finalApproval, 'SUBMIT_INVESTIGATION');

  await originator.move(
    'deviations',
    await raise(
      'Duplicate entry for line clearance check',
      'minor',
      'Packaging line 2',
      3,
      'Entered twice by mistake.',
    ),
    'REQUEST_CANCELLATION',
    { reason: 'Raised twice for the same event.' },
  );

  await qa.move(
    'deviations',
    await toApproval(
      await raise(
        'Balance calibration overdue by two days',
        'minor',
        'QC laboratory',
        20,
        'Balance B-07 used two days past its calibration date.',
      ),
      'Results re-checked on a calibrated balance; no impact.',
    ),
    'APPROVE',
    { meaning: 'approval' },
  );

  let hvac = await qa.move(
    'deviations',
    await toApproval(
      await raise(
        'HVAC differential pressure alarm in grade B',
        'major',
        'Sterile manufacturing',
        25,
        'Pressure cascade lost for 6 minutes.',
      ),
      'Area cleaned and environmental monitoring repeated.',
    ),
    'APPROVE',
    { meaning: 'approval' },
  );
  hvac = await addressedBy(hvac, capas.closed);
  hvac = await investigate(hvac, {
    rootCause: 'A filter change left a damper partly closed.',
    rootCauseMethod: 'other',
    impactAssessment: 'Environmental monitoring within limits; no batch impact.',
    capaRequired: true,
  });
  hvac = await investigator.move('deviations', hvac, 'SUBMIT_INVESTIGATION');
  hvac = await qa.move('deviations', hvac, 'APPROVE_FINAL', { meaning: 'approval' });
  await qa.comment('deviations', hvac, 'Closed after review of the environmental monitoring trend.');

  const mistaken = await originator.move(
    'deviations',
    await raise(
      'Raised in error: planned maintenance',
      'minor',
      'Utilities',
      12,
      'The stop was planned maintenance.',
    ),
    'REQUEST_CANCELLATION',
    { reason: 'Planned maintenance is not a deviation.' },
  );
  await qa.move('deviations', mistaken, 'APPROVE_CANCELLATION', { meaning: 'approval' });
  return { hvac, particles: finalApproval, excursion: inInvestigation };
}
