import { DEMO_PASSWORD } from './demoUsers';
import { documentPdf } from './documentPdf';
import type { SeedApi, SeedRecord } from './seedApi';
import type { SeedActors } from './seedDemoData';

const day = 86_400_000;

type TrainingTask = { id: string; documentTitle: string; status: string };

/**
 * Before any document becomes effective: who must be trained on each document kind (set by the
 * administrator, audited), so every version the seed's sweeps take into force gives out training.
 */
export async function seedTrainingSettings(actors: SeedActors) {
  const { admin } = actors;
  await admin.send('PATCH', '/training/kind-settings/sop', {
    roles: ['originator', 'investigator', 'qa_reviewer', 'qa_approver', 'document_controller'],
    userIds: [],
    dueDays: 30,
    reason: 'Everyone who works in GMP areas reads the SOPs.',
  });
  await admin.send('PATCH', '/training/kind-settings/policy', {
    roles: ['qa_reviewer', 'qa_approver'],
    userIds: [],
    dueDays: 60,
    reason: 'Quality policies are read by QA.',
  });
}

/**
 * An SOP that took effect 45 days ago (the final sweep takes it into force), so its training is
 * due on a day already past: the demo's overdue training.
 */
export async function seedOverdueTrainingDocument(actors: SeedActors, now: Date) {
  const { doccontrol, reviewer, qa } = actors;
  const title = 'Gowning for grade A/B cleanrooms';
  let gowning: SeedRecord = await doccontrol.create('documents', {
    title,
    documentKind: 'sop',
    summary: `${title}.`,
    reviewIntervalMonths: 24,
    effectiveDate: new Date(now.getTime() - 45 * day).toISOString().slice(0, 10),
  });
  gowning = await doccontrol.upload(
    `/documents/${gowning.id}/content`,
    await documentPdf(title, [
      { heading: 'Purpose', paragraphs: ['How people dress to enter grade A and B cleanrooms.'] },
      {
        heading: 'Procedure',
        paragraphs: ['Sterile gown, hood and goggles; two pairs of sterile gloves; check in the mirror.'],
      },
    ]),
    'gowning-grade-a-b.pdf',
    'application/pdf',
    gowning.version,
  );
  gowning = await doccontrol.move('documents', gowning, 'SUBMIT_FOR_REVIEW');
  gowning = await reviewer.move('documents', gowning, 'COMPLETE_REVIEW', { meaning: 'review' });
  await qa.move('documents', gowning, 'APPROVE', { meaning: 'approval' });
}

/** A user's open training tasks. */
async function openTasks(actor: SeedApi): Promise<TrainingTask[]> {
  const mine = (await actor.send('GET', '/training/mine')) as { items: TrainingTask[] };
  return mine.items.filter((task) => task.status === 'open');
}

/**
 * After the sweep: some people have read and understood what they were given (signed, with
 * their password, as in the app), others have not, so the matrix shows trained, due and overdue.
 */
export async function seedTraining(actors: SeedActors) {
  const acknowledge = async (actor: SeedApi, email: string, only?: (task: TrainingTask) => boolean) => {
    for (const task of await openTasks(actor)) {
      if (only && !only(task)) continue;
      await actor.send('POST', `/training/tasks/${task.id}/acknowledge`, {
        signature: { username: email, password: DEMO_PASSWORD, meaning: 'read_and_understood' },
      });
    }
  };
  // Quinn has read everything; Rosa the gowning SOP only; Olivia, Ivan and Dana are behind.
  await acknowledge(actors.qa, 'qa@acme.example');
  await acknowledge(actors.reviewer, 'reviewer@acme.example', (task) =>
    task.documentTitle.startsWith('Gowning'),
  );
}
