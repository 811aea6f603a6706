import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './sha256';

/** Fields that change with every write without changing what was signed. */
const volatileFields = new Set(['updatedAt', 'stateBeforeCancellation']);

/** An attachment as a signature covers it: its id and the SHA-256 of its content (lowercase hex). */
export interface CoveredAttachment {
  id: string;
  sha256: string;
}

/**
 * The attachments a signature covers in their one canonical order: sorted by id (UTF-16 code
 * units, as canonical JSON sorts keys), each reduced to its id and SHA-256, so the order a
 * store lists them in never changes the hash. Two entries with one id are refused: the same
 * attachment cannot be covered twice.
 */
export function coveredAttachmentList(attachments: readonly CoveredAttachment[]): CoveredAttachment[] {
  const sorted = attachments
    .map(({ id, sha256 }) => ({ id, sha256 }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]?.id === sorted[index - 1]?.id) {
      throw new TypeError(`coveredAttachmentList: attachment ${sorted[index]?.id} is listed twice`);
    }
  }
  return sorted;
}

/**
 * The hash a signature binds to: the record's canonical content at one version, including
 * its id, type and version, so a signature copied to another record or version fails
 * verification (21 CFR 11.70).
 *
 * With attachments (those the record had when it was signed), the hash covers them too: the
 * canonical JSON of `{ record, attachments }`, the attachments as {@link coveredAttachmentList}
 * orders them, so a file replaced or swapped after signing no longer gives the signed hash.
 * Without any (none given, or an empty list) it is the hash of the record alone, exactly as
 * before attachments were covered, so every signature given before still verifies. The two
 * forms cannot collide: a record has an `id` at its top level, the wrapper has not.
 */
export function recordContentHash(
  record: Record<string, unknown>,
  attachments: readonly CoveredAttachment[] = [],
): Promise<string> {
  const content = Object.fromEntries(Object.entries(record).filter(([key]) => !volatileFields.has(key)));
  if (attachments.length === 0) return sha256Hex(canonicalJson(content));
  return sha256Hex(canonicalJson({ record: content, attachments: coveredAttachmentList(attachments) }));
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
