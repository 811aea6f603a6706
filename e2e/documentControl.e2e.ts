// Document control end to end: a PDF SOP uploaded by its author, reviewed and approved (each signed)
// by two other people, effective on its date; its controlled copy downloaded from the screen carries
// the stamp on every page and the signature page; the text inside the PDF finds it in the list; a
// trainee acknowledges it (read and understood) and the training matrix shows them trained.
import { expect, test } from 'vitest';
import { chromiumForFile, DEMO_PASSWORD, openDemoPage, screenshot, signIn, signOut } from './support/browser';
import { downloadedPdfText, fromServerKit } from './support/downloads';
import { recordArticle, sign, startSignedStep, takeStep, waitForState } from './support/recordPage';
import { matrixCell } from './support/trainingMatrix';

const browser = chromiumForFile();

/** The parts of pdf-lib the test uses: the library the server kit makes PDFs with. */
interface PdfLib {
  PDFDocument: {
    create(): Promise<{
      embedFont(name: string): Promise<unknown>;
      addPage(size: [number, number]): {
        drawText(text: string, options: { x: number; y: number; size: number; font: unknown }): void;
      };
      save(): Promise<Uint8Array>;
    }>;
  };
  StandardFonts: { Helvetica: string };
}
const pdfLib = fromServerKit('pdf-lib') as PdfLib;

/** A two-page SOP whose text holds `phrase`, a word found nowhere else. */
async function sopPdf(phrase: string): Promise<Buffer> {
  const pdf = await pdfLib.PDFDocument.create();
  const font = await pdf.embedFont(pdfLib.StandardFonts.Helvetica);
  const lines = [
    ['1 Purpose', `This SOP describes how the ${phrase} logger is read out on receipt of cold-chain goods.`],
    ['2 Procedure', 'Check the logger, record the minimum and maximum temperature, and release the goods.'],
  ];
  for (const [heading, text] of lines) {
    const page = pdf.addPage([595, 842]);
    page.drawText(heading!, { x: 72, y: 720, size: 16, font });
    page.drawText(text!, { x: 72, y: 690, size: 10, font });
  }
  return Buffer.from(await pdf.save());
}

test('a PDF SOP is uploaded, reviewed, approved, effective, and downloaded as a stamped controlled copy', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'document-control');
  const today = new Date().toISOString().slice(0, 10);
  const phrase = `thermochron${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
  // The phrase is only inside the PDF: the title must not find the document for it.
  const title = `SOP Logger read-out on receipt (browser test ${Date.now()})`;

  // The document controller chooses the kind first, then fills the SOP in and uploads its PDF.
  await signIn(page, 'doccontrol@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('link', { name: 'New document' }).click();
  await page.getByRole('radio', { name: 'SOP' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const form = page.getByRole('form', { name: 'Document' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Summary').fill('How a temperature logger is read out when cold-chain goods arrive.');
  await form.getByLabel('Effective date').fill(today);
  await form.getByLabel('Review interval (months)').fill('24');
  await form.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  const documentPath = new URL(page.url()).pathname;
  await waitForState(page, 'Draft');
  const number = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
  expect(number).toMatch(/^SOP-\d{4}$/);

  const content = recordArticle(page).getByRole('region', { name: 'Content file' });
  await content.getByLabel('Upload the content file').setInputFiles({
    name: 'SOP logger read-out.pdf',
    mimeType: 'application/pdf',
    buffer: await sopPdf(phrase),
  });
  await content.getByText('SOP logger read-out.pdf', { exact: true }).waitFor();
  await content.getByText(/^[0-9a-f]{12}…$/).waitFor();
  await content.scrollIntoViewIfNeeded();
  await screenshot(page, 'document-control-draft');
  await takeStep(page, 'Submit for review', 'In review');
  // Past draft, the file no longer changes, and the page says why.
  await expect(content.getByLabel('Replace the content file').isDisabled()).resolves.toBe(true);
  await signOut(page);

  // A reviewer reviews (signed: review); a third person, QA, approves (signed: approval).
  await signIn(page, 'reviewer@acme.example');
  await page.goto(documentPath);
  await recordArticle(page).waitFor();
  let dialog = await startSignedStep(page, 'Complete review');
  await sign(dialog, { email: 'reviewer@acme.example', password: DEMO_PASSWORD });
  await waitForState(page, 'In approval');
  await signOut(page);
  await signIn(page, 'qa@acme.example');
  await page.goto(documentPath);
  await recordArticle(page).waitFor();
  dialog = await startSignedStep(page, 'Approve');
  await sign(dialog, { email: 'qa@acme.example', password: DEMO_PASSWORD });

  // Its effective date has come: the server's scheduled sweep makes it effective, as it would overnight.
  await expect
    .poll(
      async () => {
        await page.reload();
        await recordArticle(page).locator('header').waitFor();
        return recordArticle(page).locator('header').getByText('Effective', { exact: true }).count();
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toBe(1);
  const signatures = page.getByRole('region', { name: 'Electronic signatures' });
  await signatures.getByText(/Reviewed by Rosa Berger/).waitFor();
  await signatures.getByText(/Approved by Quinn Adler/).waitFor();
  const history = recordArticle(page).getByRole('region', { name: 'All versions' });
  await history.getByText(`${number} v1.0`).waitFor();

  // The controlled copy, as anyone downloads it from the screen: every page stamped, the signatures after.
  const copy = await downloadedPdfText(page, 'Download controlled copy');
  expect(copy.fileName).toMatch(/\.pdf$/);
  const pageCount = copy.pages.length;
  expect(pageCount).toBeGreaterThanOrEqual(3);
  const contentPages = copy.pages.slice(0, 2);
  for (const [index, pageText] of contentPages.entries()) {
    expect(pageText).toContain(number);
    expect(pageText).toMatch(/\b1\.0\b/);
    expect(pageText).toMatch(new RegExp(`page ${index + 1} of \\d+`, 'i'));
    expect(pageText).toMatch(/uncontrolled when printed/i);
  }
  expect(contentPages[0]).toContain(phrase);
  const signaturePage = copy.pages.at(-1)!;
  expect(signaturePage).toContain('Rosa Berger');
  expect(signaturePage).toContain('Quinn Adler');
  expect(signaturePage).toMatch(/review/i);
  expect(signaturePage).toMatch(/approv/i);
  expect(signaturePage.indexOf('Rosa Berger')).toBeLessThan(signaturePage.indexOf('Quinn Adler'));

  // A print copy also names who printed it.
  const printed = await downloadedPdfText(page, 'Print copy');
  expect(printed.pages[0]).toMatch(/printed/i);
  expect(printed.pages[0]).toContain('Quinn Adler');
  await content.scrollIntoViewIfNeeded();
  await screenshot(page, 'document-control-effective');
  await page.getByLabel('Theme').selectOption('dark');
  await content.scrollIntoViewIfNeeded();
  await screenshot(page, 'document-control-effective-dark');
  await page.getByLabel('Theme').selectOption('light');

  // Full-text search finds the document by a word that is only inside its PDF.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('row').nth(1).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill(phrase);
  await page.getByRole('row', { name: new RegExp(number) }).waitFor();
  await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
  await expect(page.getByRole('row').nth(1).textContent()).resolves.toContain('1.0');
  await screenshot(page, 'document-control-search');
  await signOut(page);

  // In force, it is to be read: an originator (the SOP kind's trainees) acknowledges it with their
  // signature, "read and understood", and QA's training matrix shows them trained on this version.
  await signIn(page, 'originator@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My training' }).click();
  const toRead = page
    .getByRole('table', { name: 'Training to do' })
    .getByRole('row')
    .filter({ hasText: number });
  await toRead.getByRole('button', { name: /^Acknowledge / }).click();
  const acknowledgement = page.getByRole('dialog');
  await acknowledgement.getByText('Read and understood', { exact: true }).waitFor();
  await sign(acknowledgement, { email: 'originator@acme.example', password: DEMO_PASSWORD });
  await expect.poll(() => toRead.count()).toBe(0);
  await signOut(page);
  await signIn(page, 'qa@acme.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training matrix' }).click();
  expect(await matrixCell(page, 'Olivia Martin', new RegExp(`${number} v1\\.0`))).toMatch(/^Trained, /);
  await signOut(page);

  // Its controller starts a revision: a new draft under the same number, the next minor version.
  await signIn(page, 'doccontrol@acme.example');
  await page.goto(documentPath);
  const versions = recordArticle(page).getByRole('region', { name: 'All versions' });
  await versions.getByRole('button', { name: 'Start revision' }).click();
  await versions.getByLabel('Why is it revised? (optional)').fill('A second logger model is in use.');
  await versions.getByRole('button', { name: 'Start revision' }).click();
  await page.waitForURL(
    (url) => url.pathname !== documentPath && /\/documents\/[0-9a-f-]{36}$/.test(url.pathname),
  );
  await waitForState(page, 'Draft');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(number);
  const revised = recordArticle(page).getByRole('list', { name: `Versions of ${number}` });
  await revised.getByRole('button', { name: `${number} v1.0` }).waitFor();
  await revised.getByText(`${number} v1.1`, { exact: true }).waitFor();
  await screenshot(page, 'document-control-revision');
  expect(errors).toEqual([]);
  await context.close();
});

test('an administrator sets a kind’s number prefix, and the next document of that kind is numbered with it', async () => {
  const { context, page, errors } = await openDemoPage(browser(), 'document-numbering');
  await signIn(page, 'admin@acme.example');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Document numbering' })
    .click();
  const prefix = page.getByLabel('Prefix for Policy');
  await prefix.fill('qpol');
  await expect(prefix.inputValue()).resolves.toBe('QPOL');
  const card = page.getByRole('region', { name: /^Policy/ });
  await card.getByLabel('Reason for the change').fill('Group numbering of policies');
  await card.getByRole('button', { name: 'Save prefix' }).click();
  await card
    .getByRole('status')
    .filter({ hasText: 'Policy documents are now numbered QPOL-0001 onwards.' })
    .waitFor();
  await screenshot(page, 'document-numbering');
  await signOut(page);

  // The new document page offers the kind with its new prefix, and the document gets it.
  await signIn(page, 'doccontrol@acme.example');
  await page.goto('/documents/new');
  await page.getByText('numbered QPOL-0001').waitFor();
  await page.getByRole('radio', { name: 'Policy' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('Policy, numbered QPOL-0001').waitFor();
  const form = page.getByRole('form', { name: 'Document' });
  await form.getByLabel('Title').fill(`Policy on electronic records (browser test ${Date.now()})`);
  await form.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  await expect
    .poll(async () => (await page.getByRole('heading', { level: 1 }).textContent())?.trim())
    .toMatch(/^QPOL-\d{4}$/);
  expect(errors).toEqual([]);
  await context.close();
});
