/** The audit trail as a PDF written while its entries are read: memory stays at about one page however long the trail. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { AuditTrailEntry, SupportedLocale } from '@masetra/core';
import { formatPdfValue, type ValueFormat } from './formatPdfValue';
import {
  createPdfDocument,
  ensureRoom,
  forgetWordLayouts,
  grey,
  paragraph,
  stampPage,
  textSize,
  title,
} from './pdfLayout';
import { pdfText } from './pdfMessages';

export interface AuditTrailPdfOptions {
  /** The reader's language: labels, and how dates and values read. */
  locale: SupportedLocale;
  /** Printed in every page's header. */
  organizationName: string;
  /** Who asked for the copy, as printed in every footer (`Quinn QA (quinn)`). */
  printedBy: string;
  printedAt: Date;
  /** The filters the entries were selected by, printed on the first page. */
  filters?: Readonly<Record<string, unknown>>;
  /** Called after each entry written with the count so far; awaited, so a job may store it. */
  onProgress?: (entriesWritten: number) => void | Promise<void>;
}

/** PDF bytes the document may hold unread before writing waits for the output to take them. */
const HIGH_WATER = 1024 * 1024;

/**
 * Waits while the output is behind: PDFKit pushes its bytes whether or not they are read, so
 * without this a slow download would buffer the whole trail.
 */
async function keepUp(doc: PDFKit.PDFDocument, output: Writable): Promise<void> {
  while (doc.readableLength > HIGH_WATER) {
    if (output.destroyed) throw new Error('The audit-trail PDF output was closed before the export ended');
    if (output.writableNeedDrain) await Promise.race([once(output, 'drain'), once(output, 'close')]);
    else await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Writes the audit-trail PDF of `entries` (oldest first, as `queryAuditTrail` pages them) to
 * `output`, and ends it. Each page's header names the organization, its footer who printed it
 * and when, and "page n": pages are handed on as they fill, so the total is not known until the
 * end, where the last line states the entries and pages written; a copy missing its end is
 * thereby seen to be cut. Resolves when `output` has taken the whole file.
 *
 * @example
 * const file = createWriteStream('trail.pdf');
 * await writeAuditTrailPdf(file, entriesOf(db, orgId, filters), {
 *   locale: 'de', organizationName: 'Acme Pharma', printedBy: 'Quinn QA (quinn)', printedAt: new Date(),
 *   onProgress: (done) => job.report(done),
 * });
 */
export async function writeAuditTrailPdf(
  output: Writable,
  entries: AsyncIterable<AuditTrailEntry>,
  options: AuditTrailPdfOptions,
): Promise<{ entries: number; pages: number }> {
  const text = pdfText(options.locale);
  const doc = createPdfDocument({
    title: text.t('pdf.auditTrail.title'),
    author: options.organizationName,
    bufferPages: false,
    lang: options.locale,
  });
  let pages = 1;
  const stamp = () =>
    stampPage(doc, {
      top: [options.organizationName, text.t('pdf.auditTrail.title')],
      bottom: [
        `${text.t('pdf.printedBy', { name: options.printedBy, time: text.dateTime(options.printedAt) })} · ${text.t('pdf.pageOnly', { page: pages })}`,
      ],
    });
  doc.on('pageAdded', () => {
    pages += 1;
    forgetWordLayouts(doc);
    stamp();
  });
  doc.pipe(output);
  const done = finished(output);
  // An output that fails ends the wait at once rather than leaving the writer paused.
  done.catch(() => undefined);
  stamp();

  title(doc, text.t('pdf.auditTrail.title'));
  const filters = Object.entries(options.filters ?? {}).filter(([, value]) => value !== undefined);
  paragraph(
    doc,
    `${text.t('pdf.auditTrail.filters')}: ${
      filters.length === 0
        ? text.t('pdf.auditTrail.noFilters')
        : filters.map(([name, value]) => `${name} = ${String(value)}`).join(', ')
    }`,
    { color: grey },
  );
  doc.moveDown(0.5);

  // The trail holds no person's name but the actor's own, which each entry carries.
  const format: ValueFormat = { text, userPointers: new Set(), userNames: new Map() };
  let written = 0;
  for await (const entry of entries) {
    writeEntry(doc, entry, format);
    written += 1;
    await options.onProgress?.(written);
    await keepUp(doc, output);
  }
  doc.moveDown(1);
  paragraph(doc, text.t('pdf.auditTrail.end', { entries: written, pages }), { bold: true });
  doc.end();
  await done;
  return { entries: written, pages };
}

function writeEntry(doc: PDFKit.PDFDocument, entry: AuditTrailEntry, format: ValueFormat): void {
  const { text } = format;
  ensureRoom(doc, 40);
  const move =
    entry.stateFrom || entry.stateTo
      ? ` · ${text.t('pdf.trail.stateMove', {
          from: entry.stateFrom ? text.label('state', entry.stateFrom) : '—',
          to: entry.stateTo ? text.label('state', entry.stateTo) : '—',
        })}`
      : '';
  paragraph(
    doc,
    `#${entry.seq} · ${text.dateTime(entry.at)} · ${entry.actorName} (${entry.actorId}) · ${text.label('action', entry.action)}${move}`,
    { bold: true },
  );
  paragraph(
    doc,
    `${text.t('pdf.trail.record')}: ${text.label('type', entry.recordType)} ${entry.recordNumber ?? entry.recordId}`,
    { indent: 12, size: textSize.small },
  );
  if (entry.reason) paragraph(doc, `${text.t('pdf.trail.reason')}: ${entry.reason}`, { indent: 12 });
  for (const change of entry.changes) {
    const pointer = `/${change.field}`;
    paragraph(doc, text.label('field', change.field), { indent: 12, bold: true, size: textSize.small });
    if (entry.action !== 'create' && change.old !== undefined) {
      paragraph(doc, `${text.t('pdf.trail.old')}: ${formatPdfValue(format, change.old, pointer)}`, {
        indent: 24,
        size: textSize.small,
      });
    }
    paragraph(doc, `${text.t('pdf.trail.new')}: ${formatPdfValue(format, change.new, pointer)}`, {
      indent: 24,
      size: textSize.small,
    });
  }
  paragraph(doc, `${text.t('pdf.trail.hash')}: ${entry.hash}`, {
    indent: 12,
    size: textSize.stamp,
    color: grey,
  });
  doc.moveDown(0.4);
}
