// The words of the demo's "My tasks" page, in English and German.
import { useDemoLanguage } from '../session/language';

const en = {
  title: 'My tasks',
  intro:
    'The CAPA tasks you own that are not done yet, across every CAPA still open, soonest due first. You are notified when a task is assigned to you.',
};

const de: typeof en = {
  title: 'Meine Aufgaben',
  intro:
    'Die CAPA-Aufgaben, für die Sie verantwortlich sind und die noch offen sind, über alle offenen CAPAs, die am frühesten fälligen zuerst. Wird Ihnen eine Aufgabe zugewiesen, werden Sie benachrichtigt.',
};

export function useMyTasksMessages(): typeof en {
  return useDemoLanguage() === 'de' ? de : en;
}
