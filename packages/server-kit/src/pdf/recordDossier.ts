/** Everything a record dossier prints, read in one place so the renderer only lays it out. */
import {
  type Attachment,
  type AuditTrailEntry,
  MAX_PAGE_SIZE,
  type RecordBase,
  type RecordLink,
  type RecordType,
  recordContentHash,
  type Signature,
} from '@masetra/core';
import type { Kysely } from 'kysely';
import { queryAuditTrail } from '../audit-trail/queryAuditTrail';
import type { RequestContext } from '../http/KitContext';
import { listAttachments, publicAttachment } from '../repositories/attachments';
import { listSignatures } from '../repositories/signatures';
import { listLinks } from '../services/recordLinks';
import { userReferencesOf } from '../services/userReferences';
import type { Database } from '../storage/database';
import { findRecord } from '../storage/records';

export interface RecordDossier {
  recordType: RecordType;
  record: RecordBase;
  signatures: Signature[];
  trail: AuditTrailEntry[];
  attachments: Attachment[];
  links: RecordLink[];
  /** The record's content hash as a signature at its current version would bind it (core's `recordContentHash`). */
  contentHash: string;
  /** The organization's hash chain head when the dossier was read: entry number and hash. */
  chainHead: { seq: number; hash: string } | null;
  /** JSON pointers of the fields that name a person (`/ownerId`, `/tasks/0/ownerId`, `/createdBy`). */
  userPointers: ReadonlySet<string>;
  /** The printed name of each person the record names, as the trail last recorded it. */
  userNames: ReadonlyMap<string, string>;
}

async function wholeRecordTrail(db: Kysely<Database>, record: RecordBase): Promise<AuditTrailEntry[]> {
  const entries: AuditTrailEntry[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await queryAuditTrail(db, record.orgId, {
      recordType: record.type,
      recordId: record.id,
      limit: MAX_PAGE_SIZE,
      cursor,
    });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

/**
 * The names people acted under, newest first: the kit keeps no user directory, but every
 * person a record names has either acted in the organization (and the trail holds the name
 * they acted under) or not, when the id alone is printed.
 */
async function recordedNames(db: Kysely<Database>, orgId: string, userIds: readonly string[]) {
  const names = new Map<string, string>();
  // One look-up a person, each the newest entry of theirs by the trail's actor index: a record names few.
  for (const userId of userIds) {
    const row = await db
      .selectFrom('audit_trail')
      .select('actor_name')
      .where('org_id', '=', orgId)
      .where('actor_id', '=', userId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row) names.set(userId, row.actor_name);
  }
  return names;
}

/**
 * Reads the dossier of a record of the caller's organization, or null when it has none with
 * that id. One repeatable-read transaction: the trail, the signatures and the chain head
 * printed are those of the record version printed.
 */
export function readRecordDossier(
  context: RequestContext,
  recordType: RecordType,
  id: string,
): Promise<RecordDossier | null> {
  return context.kit.storage.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const record = (await findRecord(trx, recordType, context.principal.orgId, id)) as RecordBase | null;
      return record ? readDossierOf(trx, context, recordType, record) : null;
    });
}

async function readDossierOf(
  db: Kysely<Database>,
  context: RequestContext,
  recordType: RecordType,
  record: RecordBase,
): Promise<RecordDossier> {
  const orgId = context.principal.orgId;
  const [signatures, trail, storedAttachments, links, head] = await Promise.all([
    listSignatures(db, orgId, record.type, record.id),
    wholeRecordTrail(db, record),
    listAttachments(db, orgId, record.type, record.id),
    listLinks(db, { registry: context.kit.registry, principal: context.principal }, { recordType, record }),
    db.selectFrom('audit_chain_heads').select(['seq', 'hash']).where('org_id', '=', orgId).executeTakeFirst(),
  ]);
  const references = [
    ...userReferencesOf(recordType, record as unknown as Record<string, unknown>),
    { pointer: '/createdBy', userId: record.createdBy },
  ];
  const userNames = await recordedNames(db, orgId, [
    ...new Set([
      ...references.map((reference) => reference.userId),
      ...storedAttachments.map((attachment) => attachment.uploadedBy),
    ]),
  ]);
  for (const link of links)
    if (!userNames.has(link.createdBy)) userNames.set(link.createdBy, link.createdByName);
  for (const signature of signatures)
    if (!userNames.has(signature.signerId)) userNames.set(signature.signerId, signature.signerName);
  return {
    recordType,
    record,
    signatures,
    trail,
    attachments: storedAttachments.map(publicAttachment),
    links,
    contentHash: await recordContentHash(record as unknown as Record<string, unknown>, storedAttachments),
    chainHead: head ? { seq: Number(head.seq), hash: head.hash } : null,
    userPointers: new Set(references.map((reference) => reference.pointer)),
    userNames,
  };
}
