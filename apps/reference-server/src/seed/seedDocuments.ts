import { documentPdf, type PdfSection } from './documentPdf';
import type { SeedRecord } from './seedApi';
import type { SeedActors } from './seedDemoData';

const day = 86_400_000;

/** The usual frame of a procedure around its own steps, so every document reads like one. */
function procedure(purpose: string, steps: readonly string[], records: string): PdfSection[] {
  return [
    { heading: 'Purpose', paragraphs: [purpose] },
    {
      heading: 'Scope',
      paragraphs: ['All GMP areas of Acme Pharma, Site Basel, and everyone who works in them.'],
    },
    {
      heading: 'Responsibilities',
      paragraphs: [
        'The area supervisor makes sure the procedure is followed. QA reviews the records and approves deviations from it.',
      ],
    },
    { heading: 'Procedure', paragraphs: steps },
    { heading: 'Records', paragraphs: [records] },
  ];
}

/**
 * A realistic document set, each version with a generated PDF as its content file: documents of
 * every kind (SOP, work instruction, form, specification, policy, numbered with their kind's
 * prefix) in every state; one document with two versions under one number (v1.0 superseded by
 * v2.0 when the final sweep makes v2.0 effective); and one whose periodic review falls due
 * within the month. Written by the document controller, reviewed by Rosa, approved by Quinn.
 * `sweep` is the scheduler's sweep: v1.0 must be effective before it can be revised.
 */
export async function seedDocuments(actors: SeedActors, now: Date, sweep: () => Promise<unknown>) {
  const { doccontrol, reviewer, qa } = actors;
  const date = (days: number) => new Date(now.getTime() + days * day).toISOString().slice(0, 10);
  const withFile = async (document: SeedRecord, title: string, sections: readonly PdfSection[]) =>
    doccontrol.upload(
      `/documents/${document.id}/content`,
      await documentPdf(title, sections),
      encodeURIComponent(`${title}.pdf`),
      'application/pdf',
    );
  const write = async (
    title: string,
    documentKind: string,
    sections: readonly PdfSection[],
    extra: Record<string, unknown> = {},
  ) => {
    const created = await doccontrol.create('documents', {
      title,
      documentKind,
      summary: sections[0]?.paragraphs[0] ?? `${title}.`,
      reviewIntervalMonths: 24,
      ...extra,
    });
    return withFile(created, title, sections);
  };
  const approve = async (document: SeedRecord, effectiveInDays: number) => {
    let moved = await doccontrol.update('documents', document, { effectiveDate: date(effectiveInDays) });
    moved = await doccontrol.move('documents', moved, 'SUBMIT_FOR_REVIEW');
    moved = await reviewer.move('documents', moved, 'COMPLETE_REVIEW', { meaning: 'review' });
    return qa.move('documents', moved, 'APPROVE', { meaning: 'approval' });
  };

  // One number, two versions: v1.0 took effect long ago; its revision, approved as v2.0, supersedes it in the final sweep.
  const deviationSteps = (revised: boolean) =>
    procedure(
      'How deviations from approved procedures, specifications and GMP are recorded, classified, investigated and closed.',
      [
        'Whoever notices a deviation records it in Masetra on the same working day and informs the area supervisor.',
        'QA classifies the deviation as minor, major or critical within two working days.',
        revised
          ? 'A major or critical deviation needs a root cause analysis (5 whys or Ishikawa) and a CAPA; a recurrence within twelve months is linked to the earlier deviation.'
          : 'A major or critical deviation needs a root cause analysis and, where QA decides so, a CAPA.',
        'QA approves the closure with an electronic signature.',
      ],
      'The deviation record, its investigation and its signatures are kept in Masetra.',
    );
  const original = await approve(await write('Deviation management', 'sop', deviationSteps(false)), -400);
  await sweep();
  let revision = (await doccontrol.send('POST', `/documents/${original.id}/revisions`, {
    reason: 'Root cause analysis methods and recurrence links added after the 2026 self-inspection.',
  })) as SeedRecord;
  revision = await withFile(revision, 'Deviation management', deviationSteps(true));
  await approve(revision, -30);

  await write(
    'Cleaning of filling line 2',
    'sop',
    procedure(
      'How filling line 2 is cleaned between batches and at product changeover.',
      [
        'Remove all product, labels and documents of the previous batch (line clearance).',
        'Dismantle the filling needles and the product path; clean them in the parts washer with detergent CIP-100 at 60 °C.',
        'Rinse with purified water until the conductivity of the rinse water is below 5 µS/cm.',
        'Take a swab sample from the needle manifold for TOC analysis.',
      ],
      'Cleaning logbook of filling line 2; TOC results in LIMS.',
    ),
  );
  await doccontrol.move(
    'documents',
    await write(
      'Handling of out-of-specification results',
      'sop',
      procedure(
        'How an out-of-specification (OOS) laboratory result is investigated before any retest.',
        [
          'Phase Ia: the analyst and the supervisor check for an obvious laboratory error.',
          'Phase Ib: a documented laboratory investigation following the hypothesis test plan.',
          'Phase II: a full-scale investigation including manufacturing, led by QA.',
        ],
        'OOS report and its investigation, linked to the deviation.',
      ),
    ),
    'SUBMIT_FOR_REVIEW',
  );
  await reviewer.move(
    'documents',
    await doccontrol.move(
      'documents',
      await write('Supplier qualification', 'policy', [
        {
          heading: 'Policy',
          paragraphs: [
            'Acme Pharma buys GMP materials and services only from qualified suppliers, approved by QA before the first order.',
          ],
        },
        {
          heading: 'Qualification',
          paragraphs: [
            'A supplier is qualified by questionnaire, quality agreement and, for critical materials, an on-site audit every three years.',
          ],
        },
      ]),
      'SUBMIT_FOR_REVIEW',
    ),
    'COMPLETE_REVIEW',
    { meaning: 'review' },
  );
  await approve(
    await write(
      'Environmental monitoring of grade A/B areas',
      'sop',
      procedure(
        'How viable and non-viable particles are monitored in the grade A and B cleanrooms.',
        [
          'Settle plates (90 mm) are exposed for at most four hours at the locations of the monitoring plan.',
          'Alert and action limits follow EU GMP Annex 1; an action-limit excursion is a deviation.',
        ],
        'Monitoring results in LIMS; trend reports monthly.',
      ),
    ),
    14,
  );
  // Effective for almost a year with a yearly review: its periodic review falls due within the month.
  await approve(
    await write(
      'Line clearance of packaging lines',
      'work_instruction',
      procedure(
        'The steps of a line clearance before a packaging run starts.',
        [
          'Remove every carton, leaflet and label of the previous run; count and reconcile the printed materials.',
          'Check the camera system with the challenge samples of the new product.',
          'A second person verifies the clearance and signs the batch record.',
        ],
        'Line clearance checklist in the batch record.',
      ),
      { reviewIntervalMonths: 12 },
    ),
    -350,
  );
  await approve(
    await write(
      'Tablet hardness specification',
      'specification',
      [
        {
          heading: 'Scope',
          paragraphs: ['Acetylsalicylic acid 500 mg tablets, film-coated, all batch sizes.'],
        },
        {
          heading: 'Limits',
          paragraphs: [
            'Hardness 80-120 N (mean of 10 tablets); friability at most 1.0 %; disintegration within 15 minutes.',
          ],
        },
      ],
      { reviewIntervalMonths: 36 },
    ),
    -100,
  );
  const retired = await approve(
    await write('Paper logbook for balance checks', 'form', [
      {
        heading: 'Daily balance check',
        paragraphs: ['Date | Balance ID | Reference weight | Reading | Within ±0.1 % | Initials'],
      },
    ]),
    -200,
  );
  await qa.move('documents', retired, 'RETIRE', {
    reason: 'Replaced by the electronic balance log.',
    meaning: 'approval',
  });
}
