import { PDFDocument, StandardFonts } from 'pdf-lib';

/** One section of a generated document: a heading and its paragraphs. */
export interface PdfSection {
  heading: string;
  paragraphs: readonly string[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;

/**
 * A plain, real PDF for the demo's controlled documents: the title, then numbered sections,
 * wrapped to the page and continued on as many pages as they need. Its text is what full-text
 * search and the controlled copy read.
 */
export async function documentPdf(
  title: string,
  sections: readonly PdfSection[],
): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  pdf.setTitle(title);
  pdf.setCreator('Masetra demo seed');
  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN - 20;
  const width = A4[0] - 2 * MARGIN;
  const write = (text: string, size: number, font = regular) => {
    const words = text.split(/\s+/);
    let line = '';
    const flush = () => {
      if (y < MARGIN + 30) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN - 20;
      }
      page.drawText(line, { x: MARGIN, y, size, font });
      y -= size * 1.45;
      line = '';
    };
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        flush();
        line = word;
      } else {
        line = candidate;
      }
    }
    if (line) flush();
  };
  write(title, 18, bold);
  y -= 10;
  sections.forEach((section, index) => {
    y -= 6;
    write(`${index + 1}. ${section.heading}`, 13, bold);
    for (const paragraph of section.paragraphs) {
      write(paragraph, 10.5);
      y -= 4;
    }
  });
  return new Uint8Array(await pdf.save());
}
