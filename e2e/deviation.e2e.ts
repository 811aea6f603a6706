// A deviation taken by the seeded users through its whole lifecycle in the demo: raised,
// assessed, approved with a signature (after a wrong password is refused), investigated with
// 5 Whys and a CAPA (created with its link in one write, seen from both ends), approved for closure with a signature, and closed, every step in its trail.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { chromiumForFile, DEMO_PASSWORD, openDemoPage, screenshot, signIn, signOut } from './support/browser';
import {
  auditTrailEntries,
  editRecord,
  recordArticle,
  sign,
  startSignedStep,
  takeStep,
  waitForState,
} from './support/recordPage';

const browser = chromiumForFile();

const TITLE = 'Temperature excursion in cold room 3 (browser test)';

async function openAs(page: Page, email: string, path: string): Promise<void> {
  await signIn(page, email);
  await page.goto(path);
  await recordArticle(page).waitFor();
}

test('a major deviation goes from draft to closed with signatures, a 5-Why investigation and a CAPA', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'deviation');

  // The originator raises the deviation and submits it.
  await signIn(page, 'originator@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deviations' }).click();
  await page.getByRole('link', { name: 'New deviation' }).click();
  const form = page.getByRole('form', { name: 'Deviation' });
  await form.getByLabel('Title').fill(TITLE);
  await form
    .getByLabel('Description')
    .fill('The temperature of cold room 3 rose to 10.2 °C for 35 minutes during the night shift.');
  await form.getByLabel('Occurred at').fill('2026-03-02T03:12');
  await form.getByLabel('Area').fill('Warehouse, cold room 3');
  await form.getByLabel('Severity').selectOption({ label: 'Major' });
  await form.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/deviations\/[0-9a-f-]{36}$/);
  const deviationPath = new URL(page.url()).pathname;
  await waitForState(page, 'Draft');
  await takeStep(page, 'Submit', 'In assessment');
  await signOut(page);

  // The investigator records the immediate actions (a change past draft: with a reason) and submits the assessment.
  await openAs(page, 'investigator@acme.example', deviationPath);
  await editRecord(
    page,
    (edit) =>
      edit.getByLabel('Immediate actions').fill('Goods moved to cold room 1; batch 24-201 quarantined.'),
    'Immediate actions taken on the night of the excursion.',
  );
  await recordArticle(page).getByRole('definition').filter({ hasText: 'batch 24-201 quarantined' }).waitFor();
  await takeStep(page, 'Submit assessment', 'In approval');
  await signOut(page);

  // QA approves with an electronic signature; a wrong password is refused first.
  await openAs(page, 'qa@acme.example', deviationPath);
  let dialog = await startSignedStep(page, 'Approve');
  await dialog.getByText('Approval', { exact: true }).waitFor();
  await sign(dialog, { email: 'qa@acme.example', password: 'not-my-password' });
  await dialog
    .getByRole('alert')
    .getByText('The user name or password is not correct. Nothing was signed.')
    .waitFor();
  await screenshot(page, 'deviation-signature-refused');
  const dialogViolations = (
    await new AxeBuilder({ page }).setLegacyMode(true).include('[role="dialog"]').analyze()
  ).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(dialogViolations.map((violation) => violation.id)).toEqual([]);
  await sign(dialog, { email: 'qa@acme.example', password: DEMO_PASSWORD });
  await waitForState(page, 'In investigation');
  await signOut(page);

  // The investigator works out the root cause with 5 Whys, raises a CAPA and submits the investigation.
  await openAs(page, 'investigator@acme.example', deviationPath);
  const whys = [
    ['Why did the temperature rise?', 'The compressor stopped.'],
    ['Why did the compressor stop?', 'Its start relay failed.'],
    ['Why did the relay fail?', 'It was past its rated switching cycles.'],
  ] as const;
  for (const [index, [why, because]] of whys.entries()) {
    await page.getByRole('button', { name: 'Add a why' }).click();
    await page.getByLabel(`Why? (${index + 1})`).fill(why);
    await page.getByLabel(`Because (${index + 1})`).fill(because);
  }
  const investigation = page.getByRole('region', { name: 'Investigation' });
  await investigation.getByLabel('Reason for the change').fill('5-Why analysis of the compressor failure.');
  await investigation.getByRole('button', { name: 'Save', exact: true }).click();
  await investigation.getByText('Saved.').waitFor();

  await page.getByRole('button', { name: 'Raise a CAPA' }).click();
  const capaLink = page.getByRole('link', { name: /^CAPA-\d{4}-\d{4} CAPA for DEV-/ });
  await capaLink.waitFor();
  const capaName = (await capaLink.textContent()) ?? '';
  // One write made the CAPA and its link: the deviation's Links section shows it, with its state.
  const deviationLinks = page.getByRole('region', { name: 'Links' });
  await deviationLinks.getByRole('button', { name: capaName, exact: true }).waitFor();
  await expect
    .poll(() => deviationLinks.getByRole('listitem').first().textContent())
    .toMatch(/^Addressed by/);
  await screenshot(page, 'deviation-links');

  await editRecord(
    page,
    async (edit) => {
      await edit
        .getByLabel('Root cause', { exact: true })
        .fill('The compressor start relay had exceeded its rated cycles.');
      await edit.getByLabel('Root-cause method').selectOption({ label: '5 Whys' });
      await edit
        .getByLabel('Impact assessment')
        .fill('Stability data cover the excursion; batch 24-201 may be released.');
      await edit.getByLabel('CAPA required').check();
    },
    'Investigation completed.',
  );
  await takeStep(page, 'Submit investigation', 'In final approval');
  await signOut(page);

  // QA approves the closure with a second signature.
  await openAs(page, 'qa@acme.example', deviationPath);
  dialog = await startSignedStep(page, 'Approve closure');
  await sign(dialog, { email: 'qa@acme.example', password: DEMO_PASSWORD });
  await waitForState(page, 'Closed');

  // The signatures show their manifestations; the audit trail shows every step, in order.
  const signatures = page.getByRole('region', { name: 'Electronic signatures' });
  await signatures
    .getByText(/Approved by Quinn Adler/)
    .first()
    .waitFor();
  expect(await signatures.getByText(/Approved by Quinn Adler/).count()).toBe(2);

  await page.reload();
  await recordArticle(page).waitFor();
  const entries = await auditTrailEntries(page);
  const steps = entries.filter((entry) => entry.includes('Lifecycle step'));
  const expectedSteps = [
    'Draft → In assessment',
    'In assessment → In approval',
    'In approval → In investigation',
    'In investigation → In final approval',
    'In final approval → Closed',
  ];
  expect(steps.map((step) => expectedSteps.find((expected) => step.includes(expected)))).toEqual(
    expectedSteps,
  );
  expect(entries[0]).toContain('Created');
  expect(entries.filter((entry) => /·\s*Signed\b/.test(entry))).toHaveLength(2);
  expect(entries.filter((entry) => entry.includes('Signing failed'))).toHaveLength(1);
  expect(
    entries.some((entry) => entry.includes('Immediate actions taken on the night of the excursion.')),
  ).toBe(true);
  expect(entries.some((entry) => entry.includes('5-Why analysis of the compressor failure.'))).toBe(true);
  expect(entries.some((entry) => entry.includes(capaName.split(' ')[0] ?? 'CAPA-'))).toBe(true);
  await screenshot(page, 'deviation-closed');

  // The CAPA raised from it names the deviation as its source.
  await page.getByRole('link', { name: capaName }).click();
  await page.waitForURL(/\/capas\/[0-9a-f-]{36}$/);
  await waitForState(page, 'Draft');
  // The CAPA's end of the link: it addresses the deviation, now closed.
  const capaLinks = page.getByRole('region', { name: 'Links' });
  const deviationEnd = capaLinks.getByRole('listitem').filter({ hasText: TITLE });
  await deviationEnd.waitFor();
  expect(await deviationEnd.textContent()).toMatch(/^Addresses\s+DEV-\d{4}-\d{4} /);
  expect(await deviationEnd.textContent()).toContain('Closed');
  await deviationEnd.scrollIntoViewIfNeeded();
  await screenshot(page, 'capa-links');
  expect(errors).toEqual([]);
  await context.close();
});
