// The words of the demo's document pages (new document, document numbering), in English and German.
import { useDemoLanguage } from '../session/language';

const en = {
  kindLegend: 'What kind of document is it?',
  kindHint: 'The kind gives the document its number; every later version keeps that number.',
  numbered: (example: string) => `numbered ${example}`,
  continue: 'Continue',
  kindChosen: (kind: string, example: string) => `${kind}, numbered ${example}`,
  changeKind: 'Change kind',
  loading: 'Loading…',
  numberingTitle: 'Document numbering',
  numberingIntro:
    'Each kind of document has a number prefix: SOP-0001, WI-0001 … A new prefix applies to documents created from now on; numbers already given stay.',
  kindColumn: 'Kind',
  prefixColumn: 'Prefix',
  changedColumn: 'Last changed',
  defaultPrefix: 'default',
  prefixLabel: (kind: string) => `Prefix for ${kind}`,
  reasonLabel: 'Reason for the change',
  save: 'Save prefix',
  saved: (kind: string, prefix: string) => `${kind} documents are now numbered ${prefix}-0001 onwards.`,
  prefixHint: '1–10 capital letters and digits, starting with a letter.',
};

const de: typeof en = {
  kindLegend: 'Welche Art Dokument ist es?',
  kindHint: 'Die Art gibt dem Dokument seine Nummer; jede spätere Version behält diese Nummer.',
  numbered: (example) => `nummeriert ${example}`,
  continue: 'Weiter',
  kindChosen: (kind, example) => `${kind}, nummeriert ${example}`,
  changeKind: 'Art ändern',
  loading: 'Wird geladen…',
  numberingTitle: 'Dokumentnummern',
  numberingIntro:
    'Jede Dokumentart hat ein Nummernpräfix: SOP-0001, WI-0001 … Ein neues Präfix gilt für Dokumente, die ab jetzt angelegt werden; vergebene Nummern bleiben.',
  kindColumn: 'Art',
  prefixColumn: 'Präfix',
  changedColumn: 'Zuletzt geändert',
  defaultPrefix: 'Standard',
  prefixLabel: (kind) => `Präfix für ${kind}`,
  reasonLabel: 'Grund der Änderung',
  save: 'Präfix speichern',
  saved: (kind, prefix) => `${kind}-Dokumente werden jetzt ab ${prefix}-0001 nummeriert.`,
  prefixHint: '1–10 Großbuchstaben und Ziffern, beginnend mit einem Buchstaben.',
};

export type DocumentPageMessages = typeof en;

export function useDocumentPageMessages(): DocumentPageMessages {
  return useDemoLanguage() === 'de' ? de : en;
}
