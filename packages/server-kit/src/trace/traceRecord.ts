import {
  can,
  type LinkKind,
  type Principal,
  type RecordBase,
  type RecordType,
  type RecordTypeRegistry,
  type Trace,
  type TraceLink,
  type TraceRecord,
  traceLimits,
} from '@masetra/core';
import type { Kysely, Selectable } from 'kysely';
import { isControlledDocumentType } from '../documents/documentNumbers';
import type { Database, RecordLinksTable } from '../storage/database';
import { findRecord } from '../storage/records';
import { trainingOfVersions } from './traceTraining';

/*
 * A record's chain is walked breadth first over `record_links`, one query per level, in both
 * directions, so a CAPA's trace shows the deviation it addresses as well as the document it
 * changes. The walk stays in the caller's organization (every query and every record read is
 * by org id) and leaves out records of a type the caller may not read, together with the links
 * to them, and everything only reachable through them. It stops at `traceLimits`: a chain that
 * goes on says so with `truncated`, rather than one request reading a whole database.
 */

type LinkRow = Selectable<RecordLinksTable>;
const keyOf = (type: string, id: string) => `${type}:${id}`;

interface Found {
  recordType: RecordType;
  record: RecordBase;
}

function traceRecordOf({ recordType, record }: Found, depth: number): TraceRecord {
  const title = (record as Record<string, unknown>)[recordType.titleField];
  return {
    type: recordType.name,
    id: record.id,
    number: record.number,
    title: title === undefined || title === null ? null : String(title),
    state: record.state,
    depth,
  };
}

/** The live links with a record-end among `ends`, oldest first. */
async function linksTouching(
  db: Kysely<Database>,
  orgId: string,
  ends: readonly { type: string; id: string }[],
): Promise<LinkRow[]> {
  if (ends.length === 0) return [];
  return db
    .selectFrom('record_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('removed_at', 'is', null)
    .where((where) =>
      where.or(
        ends.flatMap((end) => [
          where.and([where('from_type', '=', end.type), where('from_id', '=', end.id)]),
          where.and([where('to_type', '=', end.type), where('to_id', '=', end.id)]),
        ]),
      ),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The record a link names, when it exists in the organization and the caller may read its type. */
async function readable(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  principal: Principal,
  type: string,
  id: string,
): Promise<Found | null> {
  const recordType = registry.byName(type);
  if (!recordType || !can(principal, recordType, 'read')) return null;
  const record = await findRecord(db, recordType, principal.orgId, id);
  return record ? { recordType, record: record as RecordBase } : null;
}

/**
 * The chain around `start`: records nearest first (`start` itself at depth 0), every link
 * between two of them or from one of them to a host object.
 */
export async function traceRecord(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  principal: Principal,
  start: Found,
  limits: { depth: number; records: number } = traceLimits,
  now: Date = new Date(),
): Promise<Trace> {
  const records = new Map<string, TraceRecord>([
    [keyOf(start.recordType.name, start.record.id), traceRecordOf(start, 0)],
  ]);
  const refused = new Set<string>();
  const links = new Map<string, TraceLink>();
  let truncated = false;
  let frontier = [{ type: start.recordType.name, id: start.record.id }];

  for (let depth = 1; frontier.length > 0; depth++) {
    const next: { type: string; id: string }[] = [];
    for (const row of await linksTouching(db, principal.orgId, frontier)) {
      if (links.has(row.id)) continue;
      const host = row.to_type === '';
      const fromKey = keyOf(row.from_type, row.from_id);
      if (host) {
        if (records.has(fromKey)) links.set(row.id, hostLink(row));
        continue;
      }
      const toKey = keyOf(row.to_type, row.to_id);
      const [otherType, otherId, otherKey] = records.has(fromKey)
        ? [row.to_type, row.to_id, toKey]
        : [row.from_type, row.from_id, fromKey];
      if (refused.has(otherKey)) continue;
      if (!records.has(otherKey)) {
        if (depth > limits.depth || records.size >= limits.records) {
          truncated = true;
          continue;
        }
        const other = await readable(db, registry, principal, otherType, otherId);
        if (!other) {
          refused.add(otherKey);
          continue;
        }
        records.set(otherKey, traceRecordOf(other, depth));
        next.push({ type: otherType, id: otherId });
      }
      links.set(row.id, {
        id: row.id,
        kind: row.kind as LinkKind,
        from: { type: row.from_type, id: row.from_id },
        to: { type: row.to_type, id: row.to_id },
      });
    }
    // Past the depth limit the walk only looked whether the chain goes on.
    if (depth > limits.depth) break;
    frontier = next;
  }
  const versions = [...records.values()].filter((record) =>
    isControlledDocumentType(registryType(registry, record)),
  );
  const training = await trainingOfVersions(
    db,
    principal.orgId,
    versions.map((version) => version.id),
    now,
  );
  const enriched = [...records.values()].map((record) => {
    const summary = training.get(record.id);
    return summary ? { ...record, training: summary } : record;
  });
  return { records: enriched, links: [...links.values()], truncated };
}

function registryType(
  registry: RecordTypeRegistry,
  record: TraceRecord,
): Pick<RecordType, 'name' | 'collection'> {
  return registry.byName(record.type) ?? { name: record.type, collection: '' };
}

function hostLink(row: LinkRow): TraceLink {
  return {
    id: row.id,
    kind: row.kind as LinkKind,
    from: { type: row.from_type, id: row.from_id },
    host: {
      system: row.to_system,
      kind: row.to_kind,
      id: row.to_id,
      ...(row.to_label ? { label: row.to_label } : {}),
    },
  };
}
