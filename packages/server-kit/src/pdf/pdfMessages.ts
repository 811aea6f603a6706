/** The words of the PDF exports in each language the kit speaks, and how values read in them. */
import type { SupportedLocale } from '@masetra/core';
import { recordVocabulary } from '@masetra/core/vocabulary';
import type { RequestContext } from '../http/KitContext';

const en = {
  'pdf.dossier.title': 'Record dossier',
  'pdf.organization': 'Organization',
  'pdf.printedBy': 'Printed by {name} at {time}',
  'pdf.page': 'Page {page} of {pages}',
  'pdf.pageOnly': 'Page {page}',
  'pdf.contentHash': 'Content hash (SHA-256, version {version}): {hash}',
  'pdf.chainHead': 'Audit chain head: entry {seq}, hash {hash}',
  'pdf.chainEmpty': 'Audit chain head: no entries yet',
  'pdf.fields': 'Fields',
  'pdf.signatures': 'Electronic signatures',
  'pdf.signature.printedName': 'Printed name',
  'pdf.signature.signedAt': 'Date and time (UTC)',
  'pdf.signature.meaning': 'Meaning',
  'pdf.signature.step': 'Step',
  'pdf.signature.recordVersion': 'Record version',
  'pdf.signature.manifestation': 'Manifestation',
  'pdf.trail': 'Audit trail',
  'pdf.trail.reason': 'Reason',
  'pdf.trail.old': 'Old value',
  'pdf.trail.new': 'New value',
  'pdf.trail.changedAfterEntry': 'changed after first entry',
  'pdf.trail.stateMove': 'State: {from} → {to}',
  'pdf.trail.record': 'Record',
  'pdf.trail.hash': 'Hash',
  'pdf.attachments': 'Attachments',
  'pdf.attachment.size': 'Size: {bytes} bytes',
  'pdf.attachment.uploaded': 'Uploaded by {name} at {time}',
  'pdf.links': 'Linked records',
  'pdf.link.outgoing': 'to',
  'pdf.link.incoming': 'from',
  'pdf.none': 'None',
  'pdf.yes': 'Yes',
  'pdf.no': 'No',
  'pdf.auditTrail.title': 'Audit trail',
  'pdf.auditTrail.filters': 'Filters',
  'pdf.auditTrail.noFilters': 'none (the whole trail)',
  'pdf.auditTrail.end': 'End of export: {entries} entries on {pages} pages.',
  'pdf.review.title': 'Management review',
  'pdf.review.period': 'Period: {from} to {to}',
  'pdf.review.openByState': 'Open records by state',
  'pdf.review.openBySeverity': 'Open records by severity',
  'pdf.review.openedVsClosed': 'Opened vs closed per month',
  'pdf.review.opened': 'Opened',
  'pdf.review.closed': 'Closed',
  'pdf.review.overdue': 'Overdue',
  'pdf.review.capaOnTimeRate': 'CAPA on-time rate',
  'pdf.review.capaEffectivenessRate': 'CAPA effectiveness rate',
  'pdf.review.documentsDueForReview': 'Documents due for periodic review',
  'pdf.review.findingsBySeverity': 'Findings by severity',
  'pdf.review.figures': 'Key figures',
  'pdf.review.noData': 'No data in this period.',
  'pdf.review.overdueDeviations': 'Overdue deviations',
  'pdf.review.overdueCapas': 'Overdue CAPAs',
  'pdf.review.overdueCapaTasks': 'Overdue CAPA tasks',
  'pdf.review.rate': '{percent} % ({part} of {whole})',
  'pdf.review.notMeasured': 'not measured (none in the period)',
  'pdf.review.documentsDueWithin30Days': 'Documents due for periodic review within 30 days',
  'pdf.review.documentsReviewOverdue': 'Documents overdue for periodic review',
  'pdf.review.generatedAt': 'KPIs computed at {time}',
  'pdf.review.openedClosedRow': '{month} · {type}: opened {opened}, closed {closed}',
} as const;

export type PdfMessageKey = keyof typeof en;

const de: Record<PdfMessageKey, string> = {
  'pdf.dossier.title': 'Datensatzakte',
  'pdf.organization': 'Organisation',
  'pdf.printedBy': 'Gedruckt von {name} am {time}',
  'pdf.page': 'Seite {page} von {pages}',
  'pdf.pageOnly': 'Seite {page}',
  'pdf.contentHash': 'Inhalts-Hash (SHA-256, Version {version}): {hash}',
  'pdf.chainHead': 'Kopf der Audit-Trail-Kette: Eintrag {seq}, Hash {hash}',
  'pdf.chainEmpty': 'Kopf der Audit-Trail-Kette: noch keine Einträge',
  'pdf.fields': 'Felder',
  'pdf.signatures': 'Elektronische Unterschriften',
  'pdf.signature.printedName': 'Name in Druckschrift',
  'pdf.signature.signedAt': 'Datum und Uhrzeit (UTC)',
  'pdf.signature.meaning': 'Bedeutung',
  'pdf.signature.step': 'Schritt',
  'pdf.signature.recordVersion': 'Datensatzversion',
  'pdf.signature.manifestation': 'Manifestation',
  'pdf.trail': 'Audit-Trail',
  'pdf.trail.reason': 'Begründung',
  'pdf.trail.old': 'Alter Wert',
  'pdf.trail.new': 'Neuer Wert',
  'pdf.trail.changedAfterEntry': 'nach Ersterfassung geändert',
  'pdf.trail.stateMove': 'Status: {from} → {to}',
  'pdf.trail.record': 'Datensatz',
  'pdf.trail.hash': 'Hash',
  'pdf.attachments': 'Anhänge',
  'pdf.attachment.size': 'Größe: {bytes} Byte',
  'pdf.attachment.uploaded': 'Hochgeladen von {name} am {time}',
  'pdf.links': 'Verknüpfte Datensätze',
  'pdf.link.outgoing': 'zu',
  'pdf.link.incoming': 'von',
  'pdf.none': 'Keine',
  'pdf.yes': 'Ja',
  'pdf.no': 'Nein',
  'pdf.auditTrail.title': 'Audit-Trail',
  'pdf.auditTrail.filters': 'Filter',
  'pdf.auditTrail.noFilters': 'keine (der ganze Audit-Trail)',
  'pdf.auditTrail.end': 'Ende des Exports: {entries} Einträge auf {pages} Seiten.',
  'pdf.review.title': 'Managementbewertung',
  'pdf.review.period': 'Zeitraum: {from} bis {to}',
  'pdf.review.openByState': 'Offene Datensätze nach Status',
  'pdf.review.openBySeverity': 'Offene Datensätze nach Schweregrad',
  'pdf.review.openedVsClosed': 'Eröffnet und abgeschlossen je Monat',
  'pdf.review.opened': 'Eröffnet',
  'pdf.review.closed': 'Abgeschlossen',
  'pdf.review.overdue': 'Überfällig',
  'pdf.review.capaOnTimeRate': 'CAPA-Termintreue',
  'pdf.review.capaEffectivenessRate': 'CAPA-Wirksamkeitsquote',
  'pdf.review.documentsDueForReview': 'Dokumente mit fälliger periodischer Überprüfung',
  'pdf.review.findingsBySeverity': 'Feststellungen nach Schweregrad',
  'pdf.review.figures': 'Kennzahlen',
  'pdf.review.noData': 'Keine Daten in diesem Zeitraum.',
  'pdf.review.overdueDeviations': 'Überfällige Abweichungen',
  'pdf.review.overdueCapas': 'Überfällige CAPAs',
  'pdf.review.overdueCapaTasks': 'Überfällige CAPA-Aufgaben',
  'pdf.review.rate': '{percent} % ({part} von {whole})',
  'pdf.review.notMeasured': 'nicht gemessen (keine im Zeitraum)',
  'pdf.review.documentsDueWithin30Days': 'Dokumente mit periodischer Überprüfung in den nächsten 30 Tagen',
  'pdf.review.documentsReviewOverdue': 'Dokumente mit überfälliger periodischer Überprüfung',
  'pdf.review.generatedAt': 'Kennzahlen berechnet am {time}',
  'pdf.review.openedClosedRow': '{month} · {type}: eröffnet {opened}, abgeschlossen {closed}',
};

const catalogs: Record<SupportedLocale, Record<PdfMessageKey, string>> = { en, de };

/**
 * The language a PDF is written in: the principal's own when the host says it, else the
 * request's `Accept-Language` (its first language the kit speaks), else English.
 */
export function pdfLocaleOf(context: Pick<RequestContext, 'principal' | 'request'>): SupportedLocale {
  if (context.principal.locale) return context.principal.locale;
  const accepted = (context.request.headers.get('accept-language') ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim().slice(0, 2).toLowerCase());
  return (
    accepted.find((language): language is SupportedLocale => language === 'en' || language === 'de') ?? 'en'
  );
}

type LabelKind = 'field' | 'state' | 'value' | 'event' | 'action' | 'type' | 'meaning';

/** The words of one PDF: its messages, labels of record vocabulary, and values as they read. */
export interface PdfText {
  locale: SupportedLocale;
  t(key: PdfMessageKey, values?: Record<string, string | number>): string;
  /** A record vocabulary word: `field`, `state`, `value`, `event`, `action`, `type` or `meaning`. */
  label(kind: LabelKind, name: string): string;
  /** The catalog's label, or undefined when it has none (a free-text word is not a choice). */
  knownLabel(kind: LabelKind, name: string): string | undefined;
  /** A moment, in UTC and saying so. */
  dateTime(iso: string | Date): string;
  /** A calendar day. */
  date(day: string): string;
}

/** `batchNumber` -> "Batch number", `SUBMIT_PLAN` -> "Submit plan": a name no catalog has. */
function wordsOf(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

export function pdfText(locale: SupportedLocale): PdfText {
  const catalog = catalogs[locale];
  const labels: Record<string, string> = recordVocabulary[locale];
  const date = (day: string) => {
    const parts = isoDay.exec(day);
    if (!parts) return day;
    return locale === 'de' ? `${parts[3]}.${parts[2]}.${parts[1]}` : day;
  };
  return {
    locale,
    t: (key, values = {}) =>
      catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        values[name] === undefined ? whole : String(values[name]),
      ),
    label: (kind, name) => labels[`${kind}.${name}`] ?? wordsOf(name),
    knownLabel: (kind, name) => labels[`${kind}.${name}`],
    dateTime: (value) => {
      const iso = typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
      return `${date(iso.slice(0, 10))} ${iso.slice(11, 19)} UTC`;
    },
    date,
  };
}
