// The demo's language: the one the signed-in user chose on their account page (the server keeps
// it, and writes their e-mails in it), else the browser's. Only English and German are spoken.
import type { SupportedLocale } from '@masetra/core';
import { useSession } from './useSession';

/** `de` for a German browser, else `en`. */
export function browserLanguage(): SupportedLocale {
  const language = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The signed-in user's language, else the browser's. */
export function useDemoLanguage(): SupportedLocale {
  const { user } = useSession();
  return user?.locale ?? browserLanguage();
}
