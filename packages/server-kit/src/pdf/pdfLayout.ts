/** The page, type sizes and building blocks every PDF export shares. */
import PDFDocument from 'pdfkit';
import { pdfFont, registerPdfFonts } from './pdfFonts';

/** Room above and below the flowing content for the header and the footer lines. */
const margins = { top: 64, bottom: 78, left: 50, right: 50 };
export const textSize = { title: 16, heading: 12, body: 9, small: 7.5, stamp: 6.5 } as const;
export const grey = '#555555';

export interface PdfDocumentOptions {
  title: string;
  author: string;
  /** `true` keeps every page until the end, for "page n of m" stamps; a long trail streams instead. */
  bufferPages: boolean;
  lang: string;
}

/** An A4 document with the embedded fonts, its text tagged with the language it is in. */
export function createPdfDocument(options: PdfDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: options.bufferPages,
    lang: options.lang,
    info: { Title: options.title, Author: options.author, Creator: 'Masetra QMS' },
    displayTitle: true,
  });
  registerPdfFonts(doc);
  doc.fontSize(textSize.body);
  return doc;
}

/**
 * Forgets the layouts the fonts keep of every word they set. A streamed trail sets words that
 * never come again (a hash, a number and a time in each entry), so without this its memory
 * grows with its length; dropping the cache altogether (`fontLayoutCache: false`) makes
 * writing two to three times slower instead. PDFKit has no public call for it: this reaches its
 * fonts, and `writeAuditTrailPdf.test.ts` fails should a new PDFKit keep them elsewhere.
 */
export function forgetWordLayouts(doc: PDFKit.PDFDocument): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })
    ._fontFamilies;
  for (const font of Object.values(fonts ?? {})) {
    if (font.layoutCache) font.layoutCache = Object.create(null);
  }
}

const contentWidth = (doc: PDFKit.PDFDocument) =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page when fewer than `height` points are left, so a block's first lines stay together. */
export function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function title(doc: PDFKit.PDFDocument, text: string): void {
  doc.font(pdfFont.bold).fontSize(textSize.title).fillColor('black');
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.font(pdfFont.body).fontSize(textSize.body).moveDown(0.5);
}

export function heading(doc: PDFKit.PDFDocument, text: string): void {
  ensureRoom(doc, 60);
  doc.moveDown(0.6);
  doc.font(pdfFont.bold).fontSize(textSize.heading).fillColor('black');
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  const y = doc.y + 1;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor(grey)
    .stroke();
  doc.font(pdfFont.body).fontSize(textSize.body).moveDown(0.4);
}

/** A line of text across the content width, flowing onto the next page when it must. */
export function paragraph(
  doc: PDFKit.PDFDocument,
  text: string,
  options: { indent?: number; bold?: boolean; size?: number; color?: string } = {},
): void {
  const indent = options.indent ?? 0;
  doc
    .font(options.bold ? pdfFont.bold : pdfFont.body)
    .fontSize(options.size ?? textSize.body)
    .fillColor(options.color ?? 'black');
  doc.text(text, doc.page.margins.left + indent, doc.y, { width: contentWidth(doc) - indent });
  doc.font(pdfFont.body).fontSize(textSize.body).fillColor('black');
}

/** Label and value side by side; a long value wraps in its column and may flow onto the next page. */
export function labelledValue(doc: PDFKit.PDFDocument, label: string, value: string, indent = 0): void {
  const labelWidth = 150;
  const left = doc.page.margins.left + indent;
  const valueWidth = contentWidth(doc) - indent - labelWidth - 8;
  doc.font(pdfFont.bold).fontSize(textSize.body);
  const labelHeight = doc.heightOfString(label, { width: labelWidth });
  doc.font(pdfFont.body);
  ensureRoom(doc, Math.max(labelHeight, Math.min(doc.heightOfString(value, { width: valueWidth }), 40)));
  const top = doc.y;
  doc.font(pdfFont.bold).fillColor('black').text(label, left, top, { width: labelWidth });
  const labelBottom = doc.y;
  const labelPage = doc.page;
  doc.font(pdfFont.body).text(value, left + labelWidth + 8, top, { width: valueWidth });
  // When the value flowed onto a later page its end is where the next row starts.
  if (doc.page === labelPage) doc.y = Math.max(doc.y, labelBottom);
  doc.x = doc.page.margins.left;
  doc.moveDown(0.15);
}

/**
 * Draws the header and footer lines of the current page outside the content area. The bottom
 * margin is lifted while drawing, or PDFKit would take text below it as overflow and add a page.
 */
export function stampPage(doc: PDFKit.PDFDocument, stamp: { top: [string, string]; bottom: string[] }): void {
  const { x, y } = doc;
  const savedBottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(pdfFont.body).fontSize(textSize.small).fillColor(grey);
  // One line each: a longer text is cut with an ellipsis rather than running into the content.
  const oneLine = () => ({ height: doc.currentLineHeight(true), ellipsis: true });
  doc.text(stamp.top[0], left, 30, { width: width / 2 - 4, ...oneLine() });
  doc.text(stamp.top[1], left + width / 2, 30, { width: width / 2, align: 'right', ...oneLine() });
  doc
    .moveTo(left, 44)
    .lineTo(left + width, 44)
    .lineWidth(0.5)
    .strokeColor(grey)
    .stroke();
  const footerTop = doc.page.height - savedBottom + 14;
  doc
    .moveTo(left, footerTop - 4)
    .lineTo(left + width, footerTop - 4)
    .stroke();
  doc.fontSize(textSize.stamp);
  stamp.bottom.forEach((line, index) => {
    doc.text(line, left, footerTop + index * 10, { width, ...oneLine() });
  });
  doc.page.margins.bottom = savedBottom;
  doc.font(pdfFont.body).fontSize(textSize.body).fillColor('black');
  doc.x = x;
  doc.y = y;
}
