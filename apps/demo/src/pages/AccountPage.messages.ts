// The words of the account page, the security settings page and the account parts of the users
// page, in English and German. The demo's language is the user's choice, else the browser's.
import { useMemo } from 'react';
import { useDemoLanguage } from '../session/language';

const en = {
  navAccount: 'Your account',
  languageHeading: 'Language',
  languageHint: 'The language of your e-mails from Masetra and of these screens.',
  languageLabel: 'Your language',
  languageSave: 'Save language',
  languageSaved: 'Your language is saved.',
  languageServerDefault: 'The server’s default',
  signInRecoveryCode: 'Recovery code',
  signInRecoveryHint: 'One of the ten codes you saved when you set up the authenticator; each works once.',
  signInUseRecoveryCode: 'Use a recovery code instead',
  signInUseAppCode: 'Use the code from the app',
  navSecurity: 'Security',
  accountTitle: 'Your account',
  enrolmentRequired:
    'Your organization requires an authenticator app for your account. Set one up to continue; the rest of the QMS opens once it is confirmed.',
  authenticatorHeading: 'Authenticator',
  authenticatorOn: (remaining: number) =>
    `An authenticator app is set up. Sign-in and signatures ask for its code. ${remaining} of 10 recovery codes unused.`,
  authenticatorOff: 'No authenticator app is set up: sign-in asks for your password only.',
  authenticatorPolicy: 'Your organization requires one.',
  loading: 'Loading…',
  password: 'Your password',
  passwordHint: 'Asked again before anything changes about your second factor.',
  startEnrolment: 'Set up an authenticator',
  continue: 'Continue',
  scanHeading: 'Scan the code with your authenticator app',
  scanHint:
    'Use an app such as Google Authenticator, Microsoft Authenticator, 1Password or FreeOTP. If you cannot scan, type the key instead.',
  qrAlt: 'QR code of your authenticator key',
  secretLabel: 'Key to type in by hand',
  codeLabel: 'Six-digit code from the app',
  confirm: 'Confirm',
  cancel: 'Cancel',
  recoveryHeading: 'Your recovery codes',
  recoveryHint:
    'Each code signs you in once in place of the app’s code, if you lose your phone. Keep them somewhere safe (printed, or in a password manager): they are shown only now.',
  recoveryDone: 'I have saved them',
  enrolled: 'The authenticator is set up.',
  removeHeading: 'Remove the authenticator',
  removeHint: 'Sign-in will ask for your password only. Your recovery codes stop working.',
  secondFactorCode: 'Code from the app, or a recovery code',
  remove: 'Remove authenticator',
  removed: 'The authenticator is removed.',
  renewHeading: 'New recovery codes',
  renewHint: 'Ten new codes; the old ones stop working.',
  renew: 'Make new recovery codes',
  sessionsHeading: 'Sessions',
  sessionsHint:
    'Where you are signed in. A session ends after 12 hours at the latest, or when you end it here.',
  sessionsCaption: 'Your open sessions',
  device: 'Device',
  address: 'Address',
  started: 'Started',
  lastUsed: 'Last used',
  actions: 'Actions',
  thisSession: 'This session',
  unknownAddress: 'unknown',
  unknownDevice: 'Unknown device',
  signOutSession: 'End',
  signOutSessionLabel: (device: string, started: string) => `End the session on ${device} started ${started}`,
  sessionEnded: (device: string) => `The session on ${device} has ended.`,
  signOutOthers: 'End all other sessions',
  othersEnded: (count: number) =>
    count === 1 ? '1 other session has ended.' : `${count} other sessions have ended.`,
  noOtherSessions: 'You are signed in nowhere else.',
  failed: 'The request failed. Try again.',
  securityTitle: 'Security',
  mfaHeading: 'Authenticator requirement',
  mfaLegend: 'Who must use an authenticator app',
  mfaOff: 'No one (each user chooses)',
  mfaSigners: 'Everyone who signs',
  mfaSignersHint: (roles: string) => `The roles that may take a signed step: ${roles}.`,
  mfaEveryone: 'Everyone',
  mfaExplain:
    'Users it covers who have no authenticator set one up at their next sign-in, before anything else.',
  reason: 'Reason',
  reasonHint: 'Kept in the audit trail.',
  save: 'Save',
  saved: 'The requirement is saved.',
  lastChanged: (when: string) => `Last changed ${when}.`,
  resetAuthenticator: 'Reset authenticator',
  resetAuthenticatorLabel: (name: string) => `Reset authenticator of ${name}`,
  resetAuthenticatorHint: (name: string) =>
    `${name}'s authenticator app and recovery codes stop working (a lost phone); they are told by e-mail and set up a new one.`,
  resetAuthenticatorReason: (name: string) => `Reason for resetting ${name}'s authenticator`,
  resetAuthenticatorDone: (name: string) =>
    `The authenticator of ${name} is reset; they were told by e-mail.`,
  endSessions: 'End sessions',
  endSessionsLabel: (name: string) => `End sessions of ${name}`,
  endSessionsHint: (name: string) =>
    `${name} is signed out everywhere at once and can sign in again (a lost laptop, a shared screen).`,
  endSessionsReason: (name: string) => `Reason for ending ${name}'s sessions`,
  endSessionsConfirm: 'End all sessions',
  sessionsEnded: (name: string, count: number) =>
    count === 1 ? `1 session of ${name} is ended.` : `${count} sessions of ${name} are ended.`,
};

export type AccountMessages = typeof en;

const de: AccountMessages = {
  navAccount: 'Ihr Konto',
  languageHeading: 'Sprache',
  languageHint: 'Die Sprache Ihrer E-Mails von Masetra und dieser Seiten.',
  languageLabel: 'Ihre Sprache',
  languageSave: 'Sprache speichern',
  languageSaved: 'Ihre Sprache ist gespeichert.',
  languageServerDefault: 'Standard des Servers',
  signInRecoveryCode: 'Wiederherstellungscode',
  signInRecoveryHint:
    'Einer der zehn Codes, die Sie beim Einrichten des Authenticators gespeichert haben; jeder gilt einmal.',
  signInUseRecoveryCode: 'Stattdessen einen Wiederherstellungscode verwenden',
  signInUseAppCode: 'Den Code aus der App verwenden',
  navSecurity: 'Sicherheit',
  accountTitle: 'Ihr Konto',
  enrolmentRequired:
    'Ihre Organisation verlangt für Ihr Konto eine Authenticator-App. Richten Sie sie ein, um fortzufahren; das übrige QMS öffnet sich, sobald sie bestätigt ist.',
  authenticatorHeading: 'Authenticator',
  authenticatorOn: (remaining) =>
    `Eine Authenticator-App ist eingerichtet. Anmeldung und Signaturen fragen nach ihrem Code. ${remaining} von 10 Wiederherstellungscodes unbenutzt.`,
  authenticatorOff: 'Keine Authenticator-App eingerichtet: Die Anmeldung fragt nur nach Ihrem Passwort.',
  authenticatorPolicy: 'Ihre Organisation verlangt eine.',
  loading: 'Wird geladen…',
  password: 'Ihr Passwort',
  passwordHint: 'Wird erneut abgefragt, bevor sich an Ihrem zweiten Faktor etwas ändert.',
  startEnrolment: 'Authenticator einrichten',
  continue: 'Weiter',
  scanHeading: 'Scannen Sie den Code mit Ihrer Authenticator-App',
  scanHint:
    'Etwa mit Google Authenticator, Microsoft Authenticator, 1Password oder FreeOTP. Wenn Sie nicht scannen können, tippen Sie den Schlüssel ein.',
  qrAlt: 'QR-Code Ihres Authenticator-Schlüssels',
  secretLabel: 'Schlüssel zum Eintippen',
  codeLabel: 'Sechsstelliger Code aus der App',
  confirm: 'Bestätigen',
  cancel: 'Abbrechen',
  recoveryHeading: 'Ihre Wiederherstellungscodes',
  recoveryHint:
    'Jeder Code meldet Sie einmal an Stelle des App-Codes an, falls Sie Ihr Telefon verlieren. Bewahren Sie sie sicher auf (gedruckt oder im Passwort-Manager): Sie werden nur jetzt angezeigt.',
  recoveryDone: 'Ich habe sie gespeichert',
  enrolled: 'Der Authenticator ist eingerichtet.',
  removeHeading: 'Authenticator entfernen',
  removeHint:
    'Die Anmeldung fragt dann nur nach Ihrem Passwort. Ihre Wiederherstellungscodes werden ungültig.',
  secondFactorCode: 'Code aus der App oder ein Wiederherstellungscode',
  remove: 'Authenticator entfernen',
  removed: 'Der Authenticator ist entfernt.',
  renewHeading: 'Neue Wiederherstellungscodes',
  renewHint: 'Zehn neue Codes; die alten werden ungültig.',
  renew: 'Neue Wiederherstellungscodes erzeugen',
  sessionsHeading: 'Sitzungen',
  sessionsHint:
    'Wo Sie angemeldet sind. Eine Sitzung endet spätestens nach 12 Stunden oder wenn Sie sie hier beenden.',
  sessionsCaption: 'Ihre offenen Sitzungen',
  device: 'Gerät',
  address: 'Adresse',
  started: 'Begonnen',
  lastUsed: 'Zuletzt benutzt',
  actions: 'Aktionen',
  thisSession: 'Diese Sitzung',
  unknownAddress: 'unbekannt',
  unknownDevice: 'Unbekanntes Gerät',
  signOutSession: 'Beenden',
  signOutSessionLabel: (device, started) => `Beenden: Sitzung auf ${device}, begonnen ${started}`,
  sessionEnded: (device) => `Die Sitzung auf ${device} ist beendet.`,
  signOutOthers: 'Alle anderen Sitzungen beenden',
  othersEnded: (count) =>
    count === 1 ? '1 andere Sitzung ist beendet.' : `${count} andere Sitzungen sind beendet.`,
  noOtherSessions: 'Sie sind sonst nirgends angemeldet.',
  failed: 'Die Anfrage ist fehlgeschlagen. Versuchen Sie es erneut.',
  securityTitle: 'Sicherheit',
  mfaHeading: 'Authenticator-Pflicht',
  mfaLegend: 'Wer eine Authenticator-App verwenden muss',
  mfaOff: 'Niemand (jede Person entscheidet selbst)',
  mfaSigners: 'Alle, die signieren',
  mfaSignersHint: (roles) => `Die Rollen, die einen signierten Schritt ausführen dürfen: ${roles}.`,
  mfaEveryone: 'Alle',
  mfaExplain:
    'Betroffene ohne Authenticator richten ihn bei der nächsten Anmeldung ein, bevor sie etwas anderes tun können.',
  reason: 'Begründung',
  reasonHint: 'Wird im Audit-Trail festgehalten.',
  save: 'Speichern',
  saved: 'Die Vorgabe ist gespeichert.',
  lastChanged: (when) => `Zuletzt geändert ${when}.`,
  resetAuthenticator: 'Authenticator zurücksetzen',
  resetAuthenticatorLabel: (name) => `Authenticator zurücksetzen (${name})`,
  resetAuthenticatorHint: (name) =>
    `Die Authenticator-App und die Wiederherstellungscodes von ${name} werden ungültig (verlorenes Telefon); ${name} wird per E-Mail informiert und richtet eine neue ein.`,
  resetAuthenticatorReason: (name) => `Begründung für das Zurücksetzen des Authenticators von ${name}`,
  resetAuthenticatorDone: (name) =>
    `Der Authenticator von ${name} ist zurückgesetzt; ${name} wurde per E-Mail informiert.`,
  endSessions: 'Sitzungen beenden',
  endSessionsLabel: (name) => `Sitzungen beenden (${name})`,
  endSessionsHint: (name) =>
    `${name} wird überall sofort abgemeldet und kann sich erneut anmelden (verlorener Laptop, geteilter Bildschirm).`,
  endSessionsReason: (name) => `Begründung für das Beenden der Sitzungen von ${name}`,
  endSessionsConfirm: 'Alle Sitzungen beenden',
  sessionsEnded: (name, count) =>
    count === 1 ? `1 Sitzung von ${name} ist beendet.` : `${count} Sitzungen von ${name} sind beendet.`,
};

export const accountMessages = { en, de } as const;

/** Each language by its own name, as a language menu lists them. */
export const languageNames = { en: 'English', de: 'Deutsch' } as const;

/** The messages in the demo's language (the user's choice, else the browser's), and a date-time format for it. */
export function useAccountMessages(): { t: AccountMessages; formatTime: (iso: string) => string } {
  const locale = useDemoLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return { t: accountMessages[locale], formatTime: (iso: string) => format.format(new Date(iso)) };
  }, [locale]);
}
