/**
 * Where mail goes: an SMTP server (`MASETRA_SMTP_URL`), or, in the demo without one, the dev
 * mailbox table the demo shows at `/mailbox`, so an evaluator sees what would have been sent.
 */
import type { Kysely } from 'kysely';
import { createTransport } from 'nodemailer';
import type { DevMailboxDatabase } from './devMailbox';

export interface OutgoingMail {
  /** Stable across retries (`<outbox-row-id@host>`), so a receiver can tell a repeat. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Sends through SMTP with nodemailer; `from` is `MASETRA_MAIL_FROM`. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = createTransport(smtpUrl);
  return {
    async send(mail) {
      await transporter.sendMail({ ...mail, from });
    },
    close: () => transporter.close(),
  };
}

/** Keeps mail in the database for `/mailbox`; a repeat of one message is stored once. */
export function devMailboxTransport<DB>(
  db: Kysely<DB>,
  from: string,
  clock = () => new Date(),
): MailTransport {
  const mailbox = db as unknown as Kysely<DevMailboxDatabase>;
  return {
    async send(mail) {
      await mailbox
        .insertInto('dev_mailbox')
        .values({
          message_id: mail.messageId,
          sender: from,
          recipient: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          sent_at: clock(),
        })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .execute();
    },
    close: () => {},
  };
}
