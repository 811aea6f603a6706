import { describe, expect, it } from 'vitest';
import { mailLocaleOf, renderLinkMail } from './mailTemplates';

const values = {
  displayName: 'Jörg "J" Müller',
  organizationName: 'Acme Pharma',
  link: 'https://qms.acme.example/setup#token=abc&x',
  expiresAt: new Date('2026-11-29T18:30:00Z'),
};

describe('link mails', () => {
  it('speak German to a German reader, in text and HTML', () => {
    const mail = renderLinkMail('password_reset', 'de', values);
    expect(mail.subject).toBe('Neues Masetra-Passwort wählen');
    expect(mail.text).toContain('Hallo Jörg "J" Müller,');
    expect(mail.text).toContain('Neues Passwort wählen: https://qms.acme.example/setup#token=abc&x');
    expect(mail.text).toContain('Der Link funktioniert einmal, bis 29. November 2026 um 18:30 UTC.');
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain(
      '<a href="https://qms.acme.example/setup#token=abc&amp;x">Neues Passwort wählen</a>',
    );
    expect(mail.html).toContain('Hallo Jörg &quot;J&quot; Müller,');
  });

  it('invite in English, naming the organization', () => {
    const mail = renderLinkMail('invitation', 'en', values);
    expect(mail.subject).toBe('Your Masetra account at Acme Pharma');
    expect(mail.text).toContain('The link works once, until 29 November 2026 at 18:30 UTC.');
  });

  it('fall back to English for a language they do not speak', () => {
    expect([mailLocaleOf('de-AT'), mailLocaleOf('fr'), mailLocaleOf(undefined)]).toEqual(['de', 'en', 'en']);
  });
});
