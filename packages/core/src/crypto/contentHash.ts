import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './sha256';

/** Fields that change with every write without changing what was signed. */
const volatileFields = new Set(['updatedAt', 'stateBeforeCancellation']);

/**
 * The hash a signature binds to: the record's canonical content at one version, including
 * its id, type and version, so a signature copied to another record or version fails
 * verification (21 CFR 11.70).
 */
export function recordContentHash(record: Record<string, unknown>): Promise<string> {
  const content = Object.fromEntries(Object.entries(record).filter(([key]) => !volatileFields.has(key)));
  return sha256Hex(canonicalJson(content));
}

/**
 * The text an audit-trail entry's hash covers: the previous entry's hash, a newline, and the
 * entry's canonical JSON. Exposed so a server can hash it with its platform's own SHA-256
 * (synchronous node:crypto verifies a long trail far faster than WebCrypto's promises).
 */
export function auditEntryHashInput(previousHash: string, entry: Record<string, unknown>): string {
  return `${previousHash}\n${canonicalJson(entry)}`;
}

/**
 * The hash of one audit-trail entry, chained to the previous entry's hash. Changing any
 * entry, or removing one, changes every hash after it.
 */
export function auditEntryHash(previousHash: string, entry: Record<string, unknown>): Promise<string> {
  return sha256Hex(auditEntryHashInput(previousHash, entry));
}

/** The `previousHash` of an organization's first entry. */
export const GENESIS_HASH = '0'.repeat(64);
