import type { SeedRecord } from './seedApi';
import type { SeedActors } from './seedDemoData';

const day = 86_400_000;

/**
 * Documents in every state: draft, in review, in approval, approved, effective, superseded, obsolete.
 * Each version is written by the document controller, reviewed by Rosa and approved by Quinn.
 */
export async function seedDocuments(actors: SeedActors, now: Date) {
  const { doccontrol, reviewer, qa } = actors;
  const date = (days: number) => new Date(now.getTime() + days * day).toISOString().slice(0, 10);
  const write = (title: string, documentKind: string, extra: Record<string, unknown> = {}) =>
    doccontrol.create('documents', {
      title,
      documentKind,
      summary: `${title}.`,
      content: `1. Purpose\n${title}.\n\n2. Scope\nAll GMP areas of Acme Pharma.\n\n3. Procedure\nAs described in the sections below.`,
      reviewIntervalMonths: 24,
      ...extra,
    });
  const approve = async (document: SeedRecord, effectiveInDays: number) => {
    let moved = await doccontrol.update('documents', document, { effectiveDate: date(effectiveInDays) });
    moved = await doccontrol.move('documents', moved, 'SUBMIT_FOR_REVIEW');
    moved = await reviewer.move('documents', moved, 'COMPLETE_REVIEW', { meaning: 'review' });
    return qa.move('documents', moved, 'APPROVE', { meaning: 'approval' });
  };

  await write('Cleaning of filling line 2', 'sop');
  await doccontrol.move(
    'documents',
    await write('Handling of out-of-specification results', 'sop'),
    'SUBMIT_FOR_REVIEW',
  );
  await reviewer.move(
    'documents',
    await doccontrol.move('documents', await write('Supplier qualification', 'policy'), 'SUBMIT_FOR_REVIEW'),
    'COMPLETE_REVIEW',
    { meaning: 'review' },
  );
  await approve(await write('Environmental monitoring of grade A/B areas', 'sop'), 14);

  // Version 1.0 becomes effective, then its revision supersedes it (the scheduler's sweep).
  const original = await approve(await write('Deviation management', 'sop'), -400);
  await approve(
    await write('Deviation management', 'sop', { supersedesId: original.id, versionLabel: '1.1' }),
    0,
  );

  const retired = await approve(await write('Paper logbook for balance checks', 'form'), -200);
  await qa.move('documents', retired, 'RETIRE', {
    reason: 'Replaced by the electronic balance log.',
    meaning: 'approval',
  });
}
