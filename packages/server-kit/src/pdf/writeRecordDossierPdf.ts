/** Lays out a record dossier: every field, signatures, trail, attachments and links, stamped on every page. */
import type { AuditTrailEntry } from '@masetra/core';
import { formatPdfValue, personOf, type ValueFormat } from './formatPdfValue';
import type { PdfPrint } from './pdfContext';
import {
  createPdfDocument,
  grey,
  heading,
  labelledValue,
  paragraph,
  stampPage,
  textSize,
  title,
} from './pdfLayout';
import type { RecordDossier } from './recordDossier';

const baseFields = ['number', 'state', 'version', 'ownerId', 'createdBy', 'createdAt', 'updatedAt'] as const;

/** Trail actions that change a field's value (an attachment, a comment or a signature adds, it changes none). */
const changingActions = new Set(['update', 'transition', 'link', 'unlink']);
/** Bookkeeping every write moves on: marking them would mark every record. */
const bookkeeping = new Set(['version', 'updatedAt', 'state', 'stateBeforeCancellation']);

/** Whether an entry changed values after the record's first entry (Annex 11 §8.2). */
const changesAfterEntry = (entry: AuditTrailEntry, index: number) =>
  index > 0 && changingActions.has(entry.action);

/**
 * Fields some entry after the first one changed (Annex 11 §8.2): a reader of the paper copy
 * sees which values are not the ones first entered.
 */
function fieldsChangedAfterEntry(trail: readonly AuditTrailEntry[]): Set<string> {
  const changed = new Set<string>();
  trail.forEach((entry, index) => {
    if (!changesAfterEntry(entry, index)) return;
    for (const change of entry.changes) if (!bookkeeping.has(change.field)) changed.add(change.field);
  });
  return changed;
}

/**
 * The dossier as a PDF stream. Pages are kept until the end, so every page can say "page n of
 * m": a dossier is one record, so its pages stay few however long the organization's trail.
 */
export function writeRecordDossierPdf(dossier: RecordDossier, print: PdfPrint): PDFKit.PDFDocument {
  const { text } = print;
  const { record, recordType } = dossier;
  const fields = record as unknown as Record<string, unknown>;
  const format: ValueFormat = {
    text,
    userPointers: dossier.userPointers,
    userNames: dossier.userNames,
    recordNumbers: new Map(
      dossier.links.flatMap((link) => (link.record ? [[link.record.id, link.record.number]] : [])),
    ),
  };
  const typeLabel = text.label('type', recordType.name);
  const recordTitle = fields[recordType.titleField];
  const doc = createPdfDocument({
    title: `${record.number} — ${text.t('pdf.dossier.title')}`,
    author: print.organizationName,
    bufferPages: true,
    lang: text.locale,
  });

  title(doc, `${typeLabel} ${record.number}`);
  if (typeof recordTitle === 'string') paragraph(doc, recordTitle, { bold: true, size: textSize.heading });
  paragraph(
    doc,
    `${text.t('pdf.dossier.title')} · ${text.t('pdf.organization')}: ${print.organizationName}`,
    {
      color: grey,
    },
  );

  const changedLater = fieldsChangedAfterEntry(dossier.trail);
  const marked = (field: string) =>
    changedLater.has(field)
      ? `${text.label('field', field)} (${text.t('pdf.trail.changedAfterEntry')})`
      : text.label('field', field);
  heading(doc, text.t('pdf.fields'));
  for (const field of baseFields) {
    const value =
      field === 'state'
        ? text.label('state', record.state)
        : formatPdfValue(format, fields[field], `/${field}`);
    labelledValue(doc, marked(field), value);
  }
  for (const field of Object.keys(recordType.fields)) {
    labelledValue(doc, marked(field), formatPdfValue(format, fields[field], `/${field}`));
  }

  heading(doc, text.t('pdf.signatures'));
  if (dossier.signatures.length === 0) paragraph(doc, text.t('pdf.none'));
  for (const signature of dossier.signatures) {
    labelledValue(doc, text.t('pdf.signature.printedName'), signature.signerName);
    labelledValue(doc, text.t('pdf.signature.signedAt'), text.dateTime(signature.signedAt));
    labelledValue(doc, text.t('pdf.signature.meaning'), text.label('meaning', signature.meaning));
    labelledValue(doc, text.t('pdf.signature.step'), text.label('event', signature.event));
    labelledValue(doc, text.t('pdf.signature.recordVersion'), String(signature.recordVersion));
    labelledValue(doc, text.t('pdf.signature.manifestation'), signature.manifestation);
    doc.moveDown(0.5);
  }

  heading(doc, text.t('pdf.attachments'));
  if (dossier.attachments.length === 0) paragraph(doc, text.t('pdf.none'));
  for (const attachment of dossier.attachments) {
    paragraph(doc, attachment.fileName, { bold: true });
    paragraph(doc, `SHA-256: ${attachment.sha256}`, { indent: 12 });
    paragraph(doc, text.t('pdf.attachment.size', { bytes: attachment.sizeBytes }), { indent: 12 });
    paragraph(
      doc,
      text.t('pdf.attachment.uploaded', {
        name: personOf(format, attachment.uploadedBy),
        time: text.dateTime(attachment.uploadedAt),
      }),
      { indent: 12 },
    );
    doc.moveDown(0.3);
  }

  heading(doc, text.t('pdf.links'));
  if (dossier.links.length === 0) paragraph(doc, text.t('pdf.none'));
  for (const link of dossier.links) {
    const direction = text.t(link.direction === 'outgoing' ? 'pdf.link.outgoing' : 'pdf.link.incoming');
    const other = link.record
      ? `${text.label('type', link.record.type)} ${link.record.number}${link.record.title ? ` — ${link.record.title}` : ''} (${text.label('state', link.record.state)})`
      : `${link.host?.system} ${link.host?.kind} ${link.host?.id}${link.host?.label ? ` — ${link.host.label}` : ''}`;
    paragraph(doc, `${text.label('field', link.kind)} ${direction} ${other}`);
    paragraph(doc, `${personOf(format, link.createdBy)}, ${text.dateTime(link.createdAt)}`, {
      indent: 12,
      color: grey,
      size: textSize.small,
    });
  }

  heading(doc, text.t('pdf.trail'));
  writeRecordTrail(doc, dossier.trail, format);

  const { count } = doc.bufferedPageRange();
  const chainHead = dossier.chainHead
    ? text.t('pdf.chainHead', { seq: dossier.chainHead.seq, hash: dossier.chainHead.hash })
    : text.t('pdf.chainEmpty');
  for (let page = 0; page < count; page += 1) {
    doc.switchToPage(page);
    stampPage(doc, {
      top: [print.organizationName, `${record.number} · ${text.t('pdf.dossier.title')}`],
      bottom: [
        `${text.t('pdf.printedBy', { name: print.printedBy, time: text.dateTime(print.printedAt) })} · ${text.t('pdf.page', { page: page + 1, pages: count })}`,
        text.t('pdf.contentHash', { version: record.version, hash: dossier.contentHash }),
        chainHead,
      ],
    });
  }
  doc.end();
  return doc;
}

/** The record's entries, oldest first: who, when, what (old and new value) and why. */
function writeRecordTrail(
  doc: PDFKit.PDFDocument,
  trail: readonly AuditTrailEntry[],
  format: ValueFormat,
): void {
  const { text } = format;
  trail.forEach((entry, index) => {
    doc.moveDown(0.3);
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
    if (entry.reason) paragraph(doc, `${text.t('pdf.trail.reason')}: ${entry.reason}`, { indent: 12 });
    const afterFirstEntry = changesAfterEntry(entry, index);
    for (const change of entry.changes) {
      const label = text.label('field', change.field);
      const marked = afterFirstEntry && !bookkeeping.has(change.field);
      paragraph(doc, marked ? `${label} (${text.t('pdf.trail.changedAfterEntry')})` : label, {
        indent: 12,
        bold: true,
        size: textSize.small,
      });
      const pointer = `/${change.field}`;
      // A first entry's values had none before them: only later entries print what they replaced.
      if (index > 0 && change.old !== undefined) {
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
  });
}
