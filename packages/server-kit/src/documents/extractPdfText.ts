import { DOCUMENT_CONTENT_TEXT_LIMIT } from '@masetra/core';
import { extractText, getDocumentProxy } from 'unpdf';

/** Pages read for search text at most: a long manual's first pages carry its words well enough. */
const MAX_PAGES = 200;

/**
 * The text of a PDF for full-text search, whitespace collapsed and cut to the stored limit.
 * A PDF that cannot be read (damaged, encrypted, scanned without text) gives no text rather
 * than failing the upload: the file itself is what is controlled, its text only helps find it.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string | undefined> {
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    try {
      const pages = Math.min(pdf.numPages, MAX_PAGES);
      const texts: string[] = [];
      let length = 0;
      for (let page = 1; page <= pages && length < DOCUMENT_CONTENT_TEXT_LIMIT; page += 1) {
        const content = await (await pdf.getPage(page)).getTextContent();
        const text = content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          // Control characters and lone surrogates cannot be stored as text: they are no words anyway.
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we drop
          .replace(/[\u0000-\u001f\u007f]/g, ' ')
          .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        if (text) {
          texts.push(text);
          length += text.length + 1;
        }
      }
      const all = texts.join(' ').slice(0, DOCUMENT_CONTENT_TEXT_LIMIT).trim();
      return all || undefined;
    } finally {
      await (pdf as unknown as { destroy?: () => Promise<void> }).destroy?.();
    }
  } catch {
    return undefined;
  }
}

/** Kept for callers that want the whole text at once (tests read a controlled copy back with it). */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}
