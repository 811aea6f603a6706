import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** What every page of a controlled copy says about the version it is a copy of. */
export interface CopyStamp {
  number: string;
  title: string;
  versionLabel: string;
  /** The day the version took effect; absent while it is not effective yet. */
  effectiveDate?: string;
  state: string;
  /** A print copy names who printed it and when (UTC). */
  print?: { by: string; at: string };
}

/** One review or approval signature of the version, as the signature page lists it. */
export interface SignatureLine {
  signerName: string;
  signedAt: string;
  meaning: string;
  event: string;
}

const A4: [number, number] = [595.28, 841.89];
const STAMP_SIZE = 7.5;
const grey = rgb(0.25, 0.25, 0.25);

/**
 * Text the standard font can draw: it encodes WinAnsi only, so a character outside it (a
 * Polish Ł, a CJK title) becomes `?` rather than failing the whole copy.
 */
function drawable(font: PDFFont, text: string): string {
  let out = '';
  for (const char of text) {
    try {
      font.encodeText(char);
      out += char;
    } catch {
      out += '?';
    }
  }
  return out;
}

/** Cuts text to a width, with an ellipsis when it had to be cut. */
function fitted(font: PDFFont, text: string, size: number, width: number): string {
  let shown = drawable(font, text);
  if (font.widthOfTextAtSize(shown, size) <= width) return shown;
  while (shown.length > 1 && font.widthOfTextAtSize(`${shown}...`, size) > width) shown = shown.slice(0, -1);
  return `${shown}...`;
}

function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** The header and footer lines of one page. */
function stampLines(stamp: CopyStamp, page: number, pages: number): { top: string; bottom: string } {
  const effective = stamp.effectiveDate
    ? `Effective ${stamp.effectiveDate}`
    : `Not effective (${stamp.state})`;
  const printed = stamp.print ? ` | Printed by ${stamp.print.by} at ${utc(stamp.print.at)}` : '';
  return {
    top: `${stamp.number} | ${stamp.title} | Version ${stamp.versionLabel} | ${effective}`,
    bottom: `Page ${page} of ${pages} | UNCONTROLLED WHEN PRINTED${printed}`,
  };
}

/** Stamps one page: a white band at the top and the bottom keeps the stamp readable over content. */
function stampPage(pdfPage: PDFPage, font: PDFFont, stamp: CopyStamp, page: number, pages: number): void {
  const { width, height } = pdfPage.getSize();
  const { top, bottom } = stampLines(stamp, page, pages);
  const margin = 18;
  const band = STAMP_SIZE + 6;
  for (const y of [height - band - 4, 4]) {
    pdfPage.drawRectangle({ x: 0, y, width, height: band, color: rgb(1, 1, 1), opacity: 0.9 });
  }
  pdfPage.drawText(fitted(font, top, STAMP_SIZE, width - 2 * margin), {
    x: margin,
    y: height - band,
    size: STAMP_SIZE,
    font,
    color: grey,
  });
  pdfPage.drawText(fitted(font, bottom, STAMP_SIZE, width - 2 * margin), {
    x: margin,
    y: 8,
    size: STAMP_SIZE,
    font,
    color: grey,
  });
}

const meaningWords: Record<string, string> = {
  review: 'Review',
  approval: 'Approval',
};

/** Adds the signature page: each review and approval with printed name, date and time (UTC), and meaning. */
async function addSignaturePage(pdf: PDFDocument, stamp: CopyStamp, signatures: readonly SignatureLine[]) {
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage(A4);
  const [width, height] = A4;
  const left = 56;
  let y = height - 80;
  const line = (text: string, size: number, useFont: PDFFont = font) => {
    page.drawText(fitted(useFont, text, size, width - 2 * left), { x: left, y, size, font: useFont });
    y -= size + 8;
  };
  line('Signature page', 16, bold);
  line(`${stamp.number} ${stamp.title}, version ${stamp.versionLabel}`, 11);
  y -= 10;
  if (signatures.length === 0) line('No review or approval signature has been given to this version.', 10);
  for (const signature of signatures) {
    line(`${meaningWords[signature.meaning] ?? signature.meaning}: ${signature.signerName}`, 11, bold);
    line(`Signed ${utc(signature.signedAt)} | Meaning: ${signature.meaning} | Step: ${signature.event}`, 9);
    y -= 6;
  }
  return page;
}

async function stampAll(pdf: PDFDocument, stamp: CopyStamp): Promise<void> {
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const pages = pdf.getPages();
  for (const [index, page] of pages.entries()) stampPage(page, font, stamp, index + 1, pages.length);
}

/** Thrown when the content file is no PDF pdf-lib can open (damaged, or encrypted). */
export class UnreadablePdfError extends Error {}

/**
 * A controlled copy: the content PDF with every page stamped (number, title, version, effective
 * date, page n of m, uncontrolled when printed, and for a print copy who printed it and when),
 * and the signature page appended, stamped the same way.
 */
export async function controlledCopyPdf(
  source: Uint8Array,
  stamp: CopyStamp,
  signatures: readonly SignatureLine[],
): Promise<Uint8Array> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(source, { updateMetadata: false });
  } catch (error) {
    throw new UnreadablePdfError(error instanceof Error ? error.message : String(error));
  }
  await addSignaturePage(pdf, stamp, signatures);
  await stampAll(pdf, stamp);
  pdf.setTitle(`${stamp.number} v${stamp.versionLabel} (controlled copy)`);
  return pdf.save();
}

/** The signature page alone, for a content file that is no PDF (its copy downloads unchanged). */
export async function signaturePagePdf(
  stamp: CopyStamp,
  signatures: readonly SignatureLine[],
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  await addSignaturePage(pdf, stamp, signatures);
  await stampAll(pdf, stamp);
  pdf.setTitle(`${stamp.number} v${stamp.versionLabel} signature page`);
  return pdf.save();
}
