import type { AuditTrailEntry } from '../entities/auditTrailEntry';
import type { RecordBase } from './recordBase';

/**
 * The audit actions whose entries write a record's own fields, one version each. Attachments,
 * comments and signatures have entries about the record, but are not fields of it.
 */
export const recordWritingActions = ['create', 'update', 'transition'] as const;

/** What rebuilding reads of an audit-trail entry. */
export type RecordWriteEntry = Pick<AuditTrailEntry, 'action' | 'at' | 'changes' | 'stateTo'>;

/** Where a rebuild stops: at a moment (inclusive, ISO 8601), or at a version. */
export type RebuildPoint = { asOf: string } | { version: number };

const isRecordWrite = (action: string) => (recordWritingActions as readonly string[]).includes(action);

/**
 * A record as it stood at a moment or at a version, rebuilt from its audit-trail entries alone
 * (21 CFR 11.10(e), PART11 item 4): the create entry holds every initial value and each later
 * write the new value of each field it changed, so replaying the writes in trail order gives the
 * record of that moment, its `version` counted and its `updatedAt` the time of the last write.
 * Entries of other actions are skipped. Null when the record did not exist yet, when the trail
 * has no such version, or when its first write is not the create (the trail is incomplete).
 *
 * A field whose new value is `null` or absent is dropped: `diffRecord` records a removed field
 * as `null`, and no record field is `null`, so the rebuilt record has the shape the store keeps.
 *
 * @example
 * rebuildRecord(entries, { asOf: '2026-05-02T10:00:00.000Z' });
 * rebuildRecord(entries, { version: 3 });
 */
export function rebuildRecord(
  entries: Iterable<RecordWriteEntry>,
  point?: RebuildPoint,
): (RecordBase & Record<string, unknown>) | null {
  const asOf = point && 'asOf' in point ? Date.parse(point.asOf) : Number.POSITIVE_INFINITY;
  const fields: Record<string, unknown> = {};
  let version = 0;
  let updatedAt = '';
  for (const entry of entries) {
    if (!isRecordWrite(entry.action)) continue;
    // The trail is replayed as a prefix: a later version never lands without the ones before it.
    if (Date.parse(entry.at) > asOf) break;
    if (point && 'version' in point && version === point.version) break;
    if (version === 0 && entry.action !== 'create') return null;
    for (const change of entry.changes) {
      if (change.new === undefined || change.new === null) delete fields[change.field];
      else fields[change.field] = change.new;
    }
    if (entry.stateTo !== null) fields.state = entry.stateTo;
    version += 1;
    updatedAt = entry.at;
  }
  if (version === 0 || (point && 'version' in point && version !== point.version)) return null;
  return {
    ...fields,
    version,
    updatedAt,
    stateBeforeCancellation: (fields.stateBeforeCancellation as string | undefined) ?? null,
  } as RecordBase & Record<string, unknown>;
}
