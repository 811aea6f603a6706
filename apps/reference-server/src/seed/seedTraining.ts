import { DEMO_PASSWORD } from './demoUsers';
import type { SeedApi, SeedRecord } from './seedApi';
import type { SeedActors } from './seedDemoData';

const day = 86_400_000;

type TrainingTask = { id: string; documentTitle: string; status: string };

/** A one-page PDF: the content file of the SOP whose training is overdue in the demo. */
function onePagePdf(text: string): Uint8Array<ArrayBuffer> {
  const stream = `BT /F1 14 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/**
 * Before the scheduler's sweep: who must be trained on each document kind (set by the
 * administrator, audited), and an SOP that took effect 45 days ago, so the sweep gives its
 * training a due day already past.
 */
export async function seedTrainingSettings(actors: SeedActors, now: Date) {
  const { admin, doccontrol, reviewer, qa } = actors;
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
    onePagePdf(`${title}: sterile gown, hood, goggles, two pairs of gloves.`),
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
