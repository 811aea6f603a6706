// Files the demo hands the browser, opened with the libraries the server kit writes them with.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** The server kit's dependencies, not the workspace root's: loaded from the kit's package. */
export const fromServerKit = createRequire(
  new URL('../../packages/server-kit/package.json', import.meta.url),
);

interface Unpdf {
  extractText(
    data: Uint8Array,
    options: { mergePages: false },
  ): Promise<{ totalPages: number; text: string[] }>;
}
const loadUnpdf = async () => (await import(pathToFileURL(fromServerKit.resolve('unpdf')).href)) as Unpdf;

/** What a download saved: its suggested name and its bytes. */
export interface DownloadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Clicks `trigger` and waits for the download it starts (however long an export job runs first). */
export async function downloadFrom(page: Page, trigger: Locator, timeout = 60_000): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), trigger.click()]);
  return {
    fileName: download.suggestedFilename(),
    bytes: new Uint8Array(await readFile((await download.path())!)),
  };
}

/** The text of each page of a PDF, runs of white space as one space. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { text } = await (await loadUnpdf()).extractText(bytes, { mergePages: false });
  return text.map((pageText) => pageText.replace(/\s+/g, ' '));
}

/** Clicks a download button of the page and returns the text of each page of the PDF it saved. */
export async function downloadedPdfText(
  page: Page,
  button: string,
): Promise<{ fileName: string; pages: string[] }> {
  const file = await downloadFrom(page, page.getByRole('button', { name: button, exact: true }));
  return { fileName: file.fileName, pages: await pdfPages(file.bytes) };
}
