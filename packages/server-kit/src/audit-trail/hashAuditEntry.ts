import { createHash } from 'node:crypto';
import { auditEntryHashInput } from '@masetra/core';

/**
 * Core's `auditEntryHash`, computed with node:crypto: the same bytes hashed the same way, but
 * synchronously. Verifying a trail of a million entries through WebCrypto's promises spends
 * most of its time on them; this hashes at the rate of the hash itself.
 */
export function hashAuditEntry(previousHash: string, content: Record<string, unknown>): string {
  return createHash('sha256').update(auditEntryHashInput(previousHash, content)).digest('hex');
}
