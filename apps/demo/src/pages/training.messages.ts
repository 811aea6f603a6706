// The words of the demo's training pages, in English and German.
import { useDemoLanguage } from '../session/language';

const en = {
  myTrainingTitle: 'My training',
  myTrainingIntro:
    'Each document version that became effective for your roles asks you to read it and sign that you read and understood it.',
  matrixTitle: 'Training matrix',
  /** The component's own heading under the page's: what the table answers. */
  myTrainingSection: 'Documents for you to read',
  matrixSection: 'Who has read what',
  matrixIntro:
    'Who is trained on each effective document version. Training on an earlier version does not count.',
};

const de: typeof en = {
  myTrainingTitle: 'Meine Schulungen',
  myTrainingIntro:
    'Jede Dokumentversion, die für Ihre Rollen gültig wurde, lesen Sie und bestätigen mit Ihrer Unterschrift, dass Sie sie gelesen und verstanden haben.',
  matrixTitle: 'Schulungsmatrix',
  myTrainingSection: 'Von Ihnen zu lesende Dokumente',
  matrixSection: 'Wer was gelesen hat',
  matrixIntro:
    'Wer auf welche gültige Dokumentversion geschult ist. Eine Schulung auf eine frühere Version zählt nicht.',
};

export type TrainingPageMessages = typeof en;

export function useTrainingPageMessages(): TrainingPageMessages {
  return useDemoLanguage() === 'de' ? de : en;
}
