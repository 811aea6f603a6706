/**
 * The e-mails that carry a single-use link, in the recipient's language, as plain text and
 * HTML. Only English and German for now; any other language gets English.
 */
export type MailLocale = 'en' | 'de';
export type LinkMailKind = 'invitation' | 'password_reset';

export interface LinkMailValues {
  displayName: string;
  organizationName: string;
  link: string;
  expiresAt: Date;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function mailLocaleOf(locale: string | null | undefined): MailLocale {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

interface Wording {
  subject: (values: LinkMailValues) => string;
  greeting: (name: string) => string;
  body: (values: LinkMailValues) => string;
  action: string;
  expiry: (when: string) => string;
  notYou: string;
}

const wordings: Record<MailLocale, Record<LinkMailKind, Wording>> = {
  en: {
    invitation: {
      subject: (values) => `Your Masetra account at ${values.organizationName}`,
      greeting: (name) => `Hello ${name},`,
      body: (values) =>
        `an account was created for you in the quality system of ${values.organizationName}. Choose your own password with this link; nobody else knows it, and nobody will ever ask you for it.`,
      action: 'Choose your password',
      expiry: (when) => `The link works once, until ${when}.`,
      notYou: 'If you did not expect this e-mail, ignore it.',
    },
    password_reset: {
      subject: () => 'Choose a new Masetra password',
      greeting: (name) => `Hello ${name},`,
      body: () =>
        'a new password was asked for your Masetra account. Choose it with this link; nobody else knows it, and nobody will ever ask you for it.',
      action: 'Choose a new password',
      expiry: (when) => `The link works once, until ${when}.`,
      notYou: 'If you did not ask for this, ignore this e-mail and tell your administrator.',
    },
  },
  de: {
    invitation: {
      subject: (values) => `Ihr Masetra-Konto bei ${values.organizationName}`,
      greeting: (name) => `Hallo ${name},`,
      body: (values) =>
        `für Sie wurde ein Konto im Qualitätssystem von ${values.organizationName} angelegt. Wählen Sie Ihr eigenes Passwort über diesen Link; niemand sonst kennt es, und niemand wird Sie je danach fragen.`,
      action: 'Passwort wählen',
      expiry: (when) => `Der Link funktioniert einmal, bis ${when}.`,
      notYou: 'Wenn Sie diese E-Mail nicht erwartet haben, ignorieren Sie sie.',
    },
    password_reset: {
      subject: () => 'Neues Masetra-Passwort wählen',
      greeting: (name) => `Hallo ${name},`,
      body: () =>
        'für Ihr Masetra-Konto wurde ein neues Passwort angefordert. Wählen Sie es über diesen Link; niemand sonst kennt es, und niemand wird Sie je danach fragen.',
      action: 'Neues Passwort wählen',
      expiry: (when) => `Der Link funktioniert einmal, bis ${when}.`,
      notYou:
        'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail und informieren Sie Ihre Administration.',
    },
  },
};

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

/** A moment as the recipient reads it, in UTC so a server's time zone does not change it. */
export function formatUtc(locale: MailLocale, at: Date): string {
  const when = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
  return `${when} UTC`;
}

export function renderLinkMail(kind: LinkMailKind, locale: MailLocale, values: LinkMailValues): RenderedMail {
  const wording = wordings[locale][kind];
  const expiry = wording.expiry(formatUtc(locale, values.expiresAt));
  const text = [
    wording.greeting(values.displayName),
    '',
    wording.body(values),
    '',
    `${wording.action}: ${values.link}`,
    '',
    expiry,
    wording.notYou,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><body>
<p>${escapeHtml(wording.greeting(values.displayName))}</p>
<p>${escapeHtml(wording.body(values))}</p>
<p><a href="${escapeHtml(values.link)}">${escapeHtml(wording.action)}</a></p>
<p>${escapeHtml(expiry)}<br>${escapeHtml(wording.notYou)}</p>
</body></html>`;
  return { subject: wording.subject(values), text, html };
}
