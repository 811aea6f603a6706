/**
 * A real SMTP server in the test process (`smtp-server`) that keeps every message it receives,
 * so mail tests read what a mailbox would: no mock transport.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  messageId: string;
  /** As sent: an encoded word (`=?UTF-8?Q?…?=`) for a subject beyond ASCII; see {@link decodedSubject}. */
  subject: string;
  /** Both parts, quoted-printable undone. */
  body: string;
}

export interface SmtpInbox {
  /** `smtp://127.0.0.1:<port>`, for the server's mail options. */
  url: string;
  /** Every message so far, oldest first; clear it with `received.length = 0`. */
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** The header's value, unfolded. */
function header(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((candidate) => candidate.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

function parseMail(raw: string): ReceivedMail {
  // Quoted-printable undone byte by byte, then read as the UTF-8 the parts declare.
  const bytes = raw
    .slice(raw.indexOf('\r\n\r\n'))
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const body = Buffer.from(bytes, 'latin1').toString('utf8');
  return {
    to: header(raw, 'to'),
    messageId: header(raw, 'message-id'),
    subject: header(raw, 'subject'),
    body,
  };
}

/** A subject with its RFC 2047 encoded words (B or Q, UTF-8) decoded, as a mail program shows it. */
export function decodedSubject(subject: string): string {
  return subject
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_hex, code: string) =>
                String.fromCharCode(Number.parseInt(code, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(parseMail(Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
