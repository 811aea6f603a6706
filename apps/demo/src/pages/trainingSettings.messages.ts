// The words of the training settings page, in English and German.
import { useDemoLanguage } from '../session/language';

const en = {
  title: 'Who must be trained',
  intro:
    'For each kind of document, the roles whose holders get a training task when a version takes effect, and how many days they have to read it. A document can name more people of its own.',
  loading: 'Loading…',
  rolesLegend: (kind: string) => `Roles trained on every ${kind}`,
  dueDaysLabel: 'Days to read it after it takes effect',
  reasonLabel: 'Reason for the change',
  save: 'Save',
  saved: (kind: string) => `Saved: the next ${kind} to take effect gives these roles their training.`,
  neverSet: 'Not set yet: no one is trained on this kind unless a document names them.',
  changed: 'Last changed',
};

const de: typeof en = {
  title: 'Wer geschult werden muss',
  intro:
    'Für jede Dokumentart die Rollen, deren Inhaber eine Schulungsaufgabe erhalten, wenn eine Version in Kraft tritt, und wie viele Tage sie zum Lesen haben. Ein Dokument kann zusätzlich eigene Personen nennen.',
  loading: 'Wird geladen …',
  rolesLegend: (kind) => `Rollen, die auf jedes Dokument der Art „${kind}“ geschult werden`,
  dueDaysLabel: 'Tage zum Lesen nach Inkrafttreten',
  reasonLabel: 'Grund der Änderung',
  save: 'Speichern',
  saved: (kind) =>
    `Gespeichert: Die nächste Version der Art „${kind}“, die in Kraft tritt, schult diese Rollen.`,
  neverSet: 'Noch nicht festgelegt: Niemand wird auf diese Art geschult, außer ein Dokument nennt ihn.',
  changed: 'Zuletzt geändert',
};

export type TrainingSettingsMessages = typeof en;

export function useTrainingSettingsMessages(): TrainingSettingsMessages {
  return useDemoLanguage() === 'de' ? de : en;
}
