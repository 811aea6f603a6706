/**
 * The demo's dev mailbox (like MailDev): mail the server would have sent, shown at `/mailbox`
 * newest first with its links clickable. Mounted only with `MASETRA_SEED=demo` and no SMTP
 * server: it shows set-up links, so a deployment must never serve it.
 */
import { Router } from 'express';
import type { ColumnType, Kysely } from 'kysely';

export interface DevMailboxTable {
  message_id: string;
  sender: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  sent_at: ColumnType<Date, Date, Date>;
}

export interface DevMailboxDatabase {
  dev_mailbox: DevMailboxTable;
}

export interface DevMailboxMessage {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: Date;
}

/** The messages, newest first. */
export async function readDevMailbox<DB>(db: Kysely<DB>, limit = 100): Promise<DevMailboxMessage[]> {
  const rows = await (db as unknown as Kysely<DevMailboxDatabase>)
    .selectFrom('dev_mailbox')
    .selectAll()
    .orderBy('sent_at', 'desc')
    .orderBy('message_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    messageId: row.message_id,
    from: row.sender,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    sentAt: new Date(row.sent_at),
  }));
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

/** The plain text, escaped, with its web addresses made links. */
function linkedText(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

export function renderDevMailboxPage(messages: readonly DevMailboxMessage[]): string {
  const items = messages
    .map(
      (message) => `<article>
<h2>${escapeHtml(message.subject)}</h2>
<p class="meta">To ${escapeHtml(message.to)} · from ${escapeHtml(message.from)} · <time datetime="${message.sentAt.toISOString()}">${message.sentAt.toISOString()}</time></p>
<pre>${linkedText(message.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dev mailbox · Masetra demo</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<main>
<h1>Dev mailbox</h1>
<p>What the demo would have e-mailed (no SMTP server is set), newest first.</p>
${messages.length === 0 ? '<p>No mail yet.</p>' : items}
</main>
</body></html>`;
}

export function createDevMailboxPage<DB>(db: Kysely<DB>): Router {
  const router = Router();
  router.get('/mailbox', async (_req, res) => {
    res.set('cache-control', 'no-store');
    res.type('html').send(renderDevMailboxPage(await readDevMailbox(db)));
  });
  return router;
}
