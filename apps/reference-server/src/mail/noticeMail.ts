/**
 * E-mails that tell a person something about their account without a link to act on: that
 * failed attempts locked it, or that an administrator of another organization tried to add
 * their address. Through the outbox, like the link mails (enqueued in the transaction of what
 * they report, delivered at least once under a Message-ID derived from the outbox row), in the
 * recipient's language, as plain text and HTML.
 */
import type { Database, OutboxEvent } from '@masetra/server-kit';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuthDatabase } from '../auth';
import { findMailRecipient } from './mailRecipient';
import { escapeHtml, formatUtc, type MailLocale, type RenderedMail } from './mailTemplates';
import type { MailTransport } from './mailTransport';

export const NOTICE_MAIL_EVENT = 'mail.notice';

export type NoticeMail =
  /** Failed attempts locked the account, for one address or (`source` null) for unknown ones. */
  | {
      kind: 'account_locked';
      userId: string;
      source: string | null;
      scope: 'address' | 'account';
      until: string;
    }
  /** An administrator of another organization tried to create a user with this person's address. */
  | { kind: 'address_in_use'; userId: string; organizationName: string }
  /** An administrator removed the person's authenticator and recovery codes. */
  | { kind: 'authenticator_reset'; userId: string }
  /** The server gave up on a webhook endpoint of the person's organization and disabled it. */
  | { kind: 'webhook_disabled'; userId: string; url: string; reason: string };

/** In the caller's transaction, as server-kit's own events enter its outbox. */
export async function enqueueNoticeMail(
  trx: Transaction<AuthDatabase> | Kysely<Database>,
  orgId: string,
  notice: NoticeMail,
): Promise<string> {
  const id = uuidv7();
  await (trx as unknown as Transaction<Database>)
    .insertInto('outbox')
    .values({ id, org_id: orgId, type: NOTICE_MAIL_EVENT, payload: JSON.stringify(notice) })
    .execute();
  return id;
}

interface NoticeValues {
  displayName: string;
  organizationName: string;
}

/** Subject and paragraphs of a notice, in the recipient's language. */
function wordingOf(
  notice: NoticeMail,
  locale: MailLocale,
  values: NoticeValues,
): { subject: string; paragraphs: string[] } {
  const de = locale === 'de';
  const greeting = de ? `Hallo ${values.displayName},` : `Hello ${values.displayName},`;
  if (notice.kind === 'account_locked') {
    const until = formatUtc(locale, new Date(notice.until));
    const where =
      notice.scope === 'account'
        ? de
          ? 'von allen Adressen, von denen Sie sich noch nie angemeldet haben'
          : 'from every address you have never signed in from'
        : notice.source
          ? de
            ? `von der Adresse ${notice.source}`
            : `from the address ${notice.source}`
          : de
            ? 'von unbekannter Stelle'
            : 'from an unknown place';
    return de
      ? {
          subject: 'Anmeldungen bei Masetra gesperrt',
          paragraphs: [
            greeting,
            `nach wiederholten falschen Anmeldeversuchen sind Anmeldungen an Ihrem Masetra-Konto ${where} bis ${until} gesperrt.`,
            'Von den Geräten, mit denen Sie sich sonst anmelden, geht es weiter wie gewohnt.',
            'Waren Sie das nicht, wählen Sie ein neues Passwort („Passwort vergessen“ auf der Anmeldeseite) und informieren Sie Ihre Administration.',
          ],
        }
      : {
          subject: 'Masetra sign-ins paused',
          paragraphs: [
            greeting,
            `after repeated failed attempts, sign-ins to your Masetra account ${where} are paused until ${until}.`,
            'From the devices you usually sign in with, everything works as before.',
            'If this was not you, choose a new password ("Forgot password" on the sign-in page) and tell your administrator.',
          ],
        };
  }
  if (notice.kind === 'webhook_disabled') {
    return de
      ? {
          subject: 'Ein Webhook von Masetra wurde deaktiviert',
          paragraphs: [
            greeting,
            `der Webhook an ${notice.url} von ${values.organizationName} hat drei Tage lang keine Zustellung angenommen und wurde deaktiviert. Letzter Fehler: ${notice.reason}`,
            'Die nicht zugestellten Ereignisse bleiben erhalten. Ist der Empfänger wieder erreichbar, aktivieren Sie den Webhook unter Einstellungen › Webhooks und senden Sie die Ereignisse erneut.',
          ],
        }
      : {
          subject: 'A Masetra webhook was disabled',
          paragraphs: [
            greeting,
            `the webhook to ${notice.url} of ${values.organizationName} accepted no delivery for three days and was disabled. The last failure: ${notice.reason}`,
            'The undelivered events are kept. Once the receiver is back, enable the webhook under Settings › Webhooks and send them again.',
          ],
        };
  }
  if (notice.kind === 'authenticator_reset') {
    return de
      ? {
          subject: 'Ihr Authenticator für Masetra wurde zurückgesetzt',
          paragraphs: [
            greeting,
            `eine Administration von ${values.organizationName} hat den Authenticator Ihres Masetra-Kontos entfernt; Ihre Wiederherstellungscodes gelten nicht mehr.`,
            'Bei Ihrer nächsten Anmeldung richten Sie auf der Seite „Ihr Konto“ einen neuen Authenticator ein.',
            'Haben Sie das nicht veranlasst, informieren Sie sofort Ihre Administration.',
          ],
        }
      : {
          subject: 'Your Masetra authenticator was reset',
          paragraphs: [
            greeting,
            `an administrator of ${values.organizationName} removed the authenticator of your Masetra account; your recovery codes no longer work.`,
            'At your next sign-in, set up a new authenticator on the "Your account" page.',
            'If you did not ask for this, tell your administrator at once.',
          ],
        };
  }
  return de
    ? {
        subject: 'Ihre Adresse wurde einem anderen Masetra-Konto zugeordnet',
        paragraphs: [
          greeting,
          `eine Administration von ${notice.organizationName} wollte mit Ihrer E-Mail-Adresse ein Konto anlegen. Eine Adresse gehört bei Masetra genau einer Person und einem Konto, Ihrem Konto bei ${values.organizationName}: Es wurde nichts angelegt, und ${notice.organizationName} hat nichts über Ihr Konto erfahren.`,
          'Sollen Sie dort mitarbeiten, nennen Sie der Administration eine andere Adresse.',
        ],
      }
    : {
        subject: 'Your address was given for another Masetra account',
        paragraphs: [
          greeting,
          `an administrator of ${notice.organizationName} tried to create an account with your e-mail address. In Masetra an address belongs to one person and one account, your account at ${values.organizationName}: nothing was created, and ${notice.organizationName} was told nothing about your account.`,
          'If you are to work with them, give their administrator another address.',
        ],
      };
}

export function renderNoticeMail(notice: NoticeMail, locale: MailLocale, values: NoticeValues): RenderedMail {
  const { subject, paragraphs } = wordingOf(notice, locale, values);
  const html = `<!doctype html>
<html lang="${locale}"><body>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
</body></html>`;
  return { subject, text: paragraphs.join('\n\n'), html };
}

export interface NoticeMailDeliveryOptions {
  db: Kysely<Database>;
  transport: MailTransport;
  publicUrl: string;
  /** The language of a recipient who has none of their own; `en` when left out. */
  defaultLocale?: string;
}

/** The outbox delivery of notice mails; a deactivated or deleted recipient gets none. */
export function noticeMailDelivery(options: NoticeMailDeliveryOptions) {
  const { db, transport, publicUrl } = options;
  return async (event: OutboxEvent): Promise<void> => {
    const notice = event.payload as NoticeMail;
    const recipient = await findMailRecipient(db, notice.userId, options.defaultLocale);
    if (!recipient?.active) return;
    const mail = renderNoticeMail(notice, recipient.locale, {
      displayName: recipient.displayName,
      organizationName: recipient.organizationName,
    });
    const host = new URL(publicUrl).hostname || 'masetra.invalid';
    await transport.send({ messageId: `<${event.id}.notice@${host}>`, to: recipient.email, ...mail });
  };
}
