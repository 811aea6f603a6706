/**
 * An e-mail with a single-use link (an invitation, a password reset), through the outbox: it is
 * enqueued in the transaction that issues the link, so it exists exactly when the link does, and
 * delivered by the outbox worker, at least once, under a Message-ID derived from the outbox row.
 */
import type { Database, OutboxEvent } from '@masetra/server-kit';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuthDatabase } from '../auth';
import { findMailRecipient } from './mailRecipient';
import { type LinkMailKind, renderLinkMail } from './mailTemplates';
import type { MailTransport } from './mailTransport';

export const LINK_MAIL_EVENT = 'mail.link';

interface LinkMailPayload {
  userId: string;
  kind: LinkMailKind;
  /**
   * The link's token: the one place it is kept until the mail is out (a crash must not lose
   * the mail). Delivery clears it, and the delivered row is purged with the outbox's retention.
   */
  token: string | null;
  expiresAt: string;
}

export interface LinkMailRequest {
  orgId: string;
  userId: string;
  kind: LinkMailKind;
  token: string;
  expiresAt: Date;
}

/**
 * In the caller's transaction (the one that issues the token), as server-kit's own events enter
 * its outbox (the kit does not export its enqueue function; the row's shape is its `Database`).
 */
export async function enqueueLinkMail(
  trx: Transaction<AuthDatabase>,
  request: LinkMailRequest,
): Promise<string> {
  const payload: LinkMailPayload = {
    userId: request.userId,
    kind: request.kind,
    token: request.token,
    expiresAt: request.expiresAt.toISOString(),
  };
  const id = uuidv7();
  await (trx as unknown as Transaction<Database>)
    .insertInto('outbox')
    .values({ id, org_id: request.orgId, type: LINK_MAIL_EVENT, payload: JSON.stringify(payload) })
    .execute();
  return id;
}

export interface LinkMailDeliveryOptions {
  db: Kysely<Database>;
  transport: MailTransport;
  /** Where people reach the server: the link is `${publicUrl}/setup#token=…`. */
  publicUrl: string;
  /** The language of a recipient who has none of their own; `en` when left out. */
  defaultLocale?: string;
}

/** A Message-ID the same on every try of one outbox row, so a repeat after a crash is recognisable. */
export function messageIdOf(outboxId: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'masetra.invalid';
  return `<${outboxId}.link@${host}>`;
}

/** The outbox delivery of link mails; other event types are not its business. */
export function linkMailDelivery(options: LinkMailDeliveryOptions) {
  const { db, transport, publicUrl } = options;
  return async (event: OutboxEvent): Promise<void> => {
    const payload = event.payload as LinkMailPayload;
    // Sent already: a worker died after the token was cleared and before the row was marked.
    if (!payload.token) return;
    const recipient = await findMailRecipient(db, payload.userId, options.defaultLocale);
    if (recipient?.active) {
      const mail = renderLinkMail(payload.kind, recipient.locale, {
        displayName: recipient.displayName,
        organizationName: recipient.organizationName,
        link: `${publicUrl}/setup#token=${payload.token}`,
        expiresAt: new Date(payload.expiresAt),
      });
      await transport.send({ messageId: messageIdOf(event.id, publicUrl), to: recipient.email, ...mail });
    }
    await db
      .updateTable('outbox')
      .set({ payload: JSON.stringify({ ...payload, token: null }) })
      .where('id', '=', event.id)
      .execute();
  };
}
