import { createHash } from 'node:crypto';

/** The SHA-256 of bytes, in lower-case hex, as attachments record it. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return createHash('sha256').update(bytes).digest('hex');
}
