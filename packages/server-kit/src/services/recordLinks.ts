import {
  can,
  diffRecord,
  type HostRef,
  hostObjectRefusal,
  type LinkInput,
  type LinkKind,
  linkKinds,
  linkRefusal,
  type Principal,
  type RecordBase,
  type RecordLink,
  type RecordType,
  type RecordTypeRegistry,
} from '@masetra/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { problems } from '../http/problems';
import type { Database, RecordLinksTable } from '../storage/database';
import { findRecord, updateRecordIfVersion } from '../storage/records';
import { toIsoString } from '../storage/timestamps';
import { recordAuditedChange } from './auditedChange';
import type { DomainEvent } from './QmsOptions';

/*
 * Links and finished records. A link is no field of either record: it changes neither
 * record's content, version nor what a signature binds to. So a link may be added to or from
 * a record in a final state (a CAPA raised after its deviation closed, because the
 * effectiveness check failed; a new deviation that recurs a closed one), and both trails say
 * so. Removing a link whose source is finished is refused: a closed deviation was approved
 * with the CAPAs that addressed it, and what that approval relied on stays as it was.
 *
 * A kind may name a field of its source that lists its targets' ids (`mirrorField`: a
 * deviation's `linkedCapaIds`). The server keeps that field in step in the link's transaction,
 * as an ordinary audited update of the source, so the record type's own rules (a deviation that
 * needs a CAPA has one) and every reader of the field see the links. A finished source keeps the
 * field it was finished with; its link is still recorded in both trails.
 */

/** A record end of a link, with its type. */
export interface LinkedEnd {
  recordType: RecordType;
  record: RecordBase;
}

/** A link request with both ends found and its kind checked. */
export interface ResolvedLink {
  kind: LinkKind;
  source: LinkedEnd;
  target: LinkedEnd | { host: HostRef };
}

export interface LinkContext {
  registry: RecordTypeRegistry;
  principal: Principal;
  source: Record<string, unknown> | null;
  at: string;
}

const isRecordEnd = (end: ResolvedLink['target']): end is LinkedEnd => 'record' in end;

/**
 * Finds the other end of a link requested on `self` and checks the kind. A record of another
 * organization, of a type the caller may not read, or of no type at all answers exactly like
 * a missing one. `pointer` is where the link sits in the request body ('' or `/links/0`).
 */
export async function resolveLink(
  db: Kysely<Database>,
  context: Pick<LinkContext, 'registry' | 'principal'>,
  self: LinkedEnd,
  input: LinkInput,
  pointer: string,
): Promise<ResolvedLink> {
  let resolved: ResolvedLink;
  if ('host' in input) {
    // A host that declared its kinds of object takes links to those only.
    const unknownKind = hostObjectRefusal(context.registry.hostObjectKinds, input.host);
    if (unknownKind) {
      throw problems.validation(
        unknownKind,
        [{ pointer: `${pointer}/host/kind`, detail: unknownKind }],
        'link_not_allowed',
      );
    }
    resolved = { kind: input.kind, source: self, target: { host: input.host } };
  } else {
    const ref = 'to' in input ? input.to : input.from;
    const side = 'to' in input ? 'to' : 'from';
    const otherType = context.registry.byName(ref.type);
    const other =
      otherType && can(context.principal, otherType, 'read')
        ? await findRecord(db, otherType, context.principal.orgId, ref.id)
        : null;
    if (!otherType || !other) {
      throw problems.validation(
        `No ${ref.type} with that id.`,
        [{ pointer: `${pointer}/${side}/id`, detail: `No such ${ref.type}.` }],
        'link_target_not_found',
      );
    }
    const otherEnd = { recordType: otherType, record: other as RecordBase };
    if (otherEnd.record.id === self.record.id) {
      throw problems.validation(
        'A record cannot be linked to itself.',
        [{ pointer: `${pointer}/${side}/id`, detail: 'Name another record.' }],
        'link_not_allowed',
      );
    }
    resolved =
      side === 'to'
        ? { kind: input.kind, source: self, target: otherEnd }
        : { kind: input.kind, source: otherEnd, target: self };
  }
  const refusal = linkRefusal(
    resolved.kind,
    resolved.source.recordType.name,
    isRecordEnd(resolved.target) ? { recordType: resolved.target.recordType.name } : 'host',
  );
  if (refusal) {
    throw problems.validation(refusal, [{ pointer: `${pointer}/kind`, detail: refusal }], 'link_not_allowed');
  }
  return resolved;
}

function endSummary(end: LinkedEnd) {
  return { type: end.recordType.name, id: end.record.id, number: end.record.number };
}

/**
 * Keeps the source's mirror field in step with its links of the kind: adds or removes the
 * target's id, bumps the source's version and writes the update to its trail.
 */
async function mirrorOnSource(
  trx: Transaction<Database>,
  context: LinkContext,
  link: { kind: LinkKind; source: LinkedEnd; target: ResolvedLink['target'] },
  change: 'add' | 'remove',
): Promise<DomainEvent | null> {
  const { recordType } = link.source;
  const field = linkKinds[link.kind].mirrorField?.[recordType.name];
  if (!field || !(field in recordType.fields) || !isRecordEnd(link.target)) return null;
  const current = (await findRecord(trx, recordType, context.principal.orgId, link.source.record.id)) as
    | (RecordBase & Record<string, unknown>)
    | null;
  if (!current || recordType.finalStates.includes(current.state)) return null;
  // The mirror changes a field of the source: that needs the right to change it, whichever end the link was added from.
  if (!can(context.principal, recordType, 'update')) {
    throw problems.forbidden(`Your roles do not allow update on ${recordType.collection}.`);
  }
  const ids = Array.isArray(current[field]) ? (current[field] as string[]) : [];
  const targetId = link.target.record.id;
  const nextIds = change === 'add' ? [...new Set([...ids, targetId])] : ids.filter((id) => id !== targetId);
  if (nextIds.length === ids.length) return null;
  const next = {
    ...current,
    [field]: nextIds,
    version: current.version + 1,
    updatedAt: context.at,
  } as RecordBase;
  if (!(await updateRecordIfVersion(trx, recordType, next, current.version))) {
    throw problems.stale(current.version);
  }
  link.source.record = next;
  return recordAuditedChange(trx, {
    principal: context.principal,
    recordType,
    record: next,
    action: 'update',
    eventVerb: 'updated',
    changes: diffRecord(current, next),
    reason: `${link.target.record.number} ${change === 'add' ? 'linked' : 'unlinked'} (${link.kind}).`,
    source: context.source,
    at: context.at,
  });
}

/** What the trail of each record says about the link: the kind, the direction and the other end. */
async function writeLinkTrail(
  trx: Transaction<Database>,
  context: LinkContext,
  link: { id: string; kind: LinkKind; source: LinkedEnd; target: ResolvedLink['target'] },
  action: 'link' | 'unlink',
  reason: string | null,
): Promise<DomainEvent[]> {
  const otherOfSource = isRecordEnd(link.target) ? endSummary(link.target) : { host: link.target.host };
  const entry = (direction: 'outgoing' | 'incoming', other: unknown) => ({
    id: link.id,
    kind: link.kind,
    direction,
    other,
  });
  const change = (value: unknown) =>
    action === 'link'
      ? [{ field: 'links', old: null, new: value }]
      : [{ field: 'links', old: value, new: null }];
  const eventVerb = action === 'link' ? 'linked' : 'unlinked';
  const events = [
    await recordAuditedChange(trx, {
      principal: context.principal,
      recordType: link.source.recordType,
      record: link.source.record,
      action,
      eventVerb,
      changes: change(entry('outgoing', otherOfSource)),
      reason,
      source: context.source,
      at: context.at,
      data: { linkId: link.id, kind: link.kind },
    }),
  ];
  if (isRecordEnd(link.target)) {
    events.push(
      await recordAuditedChange(trx, {
        principal: context.principal,
        recordType: link.target.recordType,
        record: link.target.record,
        action,
        eventVerb,
        changes: change(entry('incoming', endSummary(link.source))),
        reason,
        source: context.source,
        at: context.at,
        data: { linkId: link.id, kind: link.kind },
      }),
    );
  }
  return events;
}

function targetColumns(target: ResolvedLink['target']) {
  return isRecordEnd(target)
    ? { to_type: target.recordType.name, to_system: '', to_kind: '', to_id: target.record.id, to_label: null }
    : {
        to_type: '',
        to_system: target.host.system,
        to_kind: target.host.kind,
        to_id: target.host.id,
        to_label: target.host.label ?? null,
      };
}

type LinkRow = Selectable<RecordLinksTable>;

/** The link as `self` sees it. */
function viewOf(row: LinkRow, self: LinkedEnd, other: LinkedEnd | null): RecordLink {
  const outgoing = row.from_type === self.recordType.name && row.from_id === self.record.id;
  const view: RecordLink = {
    id: row.id,
    kind: row.kind as LinkKind,
    direction: outgoing ? 'outgoing' : 'incoming',
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: toIsoString(row.created_at),
  };
  if (row.to_type === '') {
    view.host = {
      system: row.to_system,
      kind: row.to_kind,
      id: row.to_id,
      ...(row.to_label ? { label: row.to_label } : {}),
    };
  } else if (other) {
    const title = (other.record as Record<string, unknown>)[other.recordType.titleField];
    view.record = {
      type: other.recordType.name,
      id: other.record.id,
      number: other.record.number,
      title: title === undefined || title === null ? null : String(title),
      state: other.record.state,
    };
  }
  return view;
}

/**
 * Adds a resolved link and writes both records' trails in the caller's transaction. The same
 * link again (same kind, same two ends, not removed) is the one link: it is answered as it
 * is, and nothing is written.
 */
export async function addLink(
  trx: Transaction<Database>,
  context: LinkContext,
  link: ResolvedLink,
  seenFrom: LinkedEnd,
): Promise<{ link: RecordLink; created: boolean; events: DomainEvent[] }> {
  const id = uuidv7();
  const inserted = await trx
    .insertInto('record_links')
    .values({
      id,
      org_id: context.principal.orgId,
      kind: link.kind,
      from_type: link.source.recordType.name,
      from_id: link.source.record.id,
      ...targetColumns(link.target),
      created_by: context.principal.userId,
      created_by_name: context.principal.displayName,
      created_at: context.at,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['org_id', 'kind', 'from_type', 'from_id', 'to_type', 'to_system', 'to_kind', 'to_id'])
        .where('removed_at', 'is', null)
        .doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  const target = targetColumns(link.target);
  const row =
    inserted ??
    (await trx
      .selectFrom('record_links')
      .selectAll()
      .where('org_id', '=', context.principal.orgId)
      .where('kind', '=', link.kind)
      .where('from_type', '=', link.source.recordType.name)
      .where('from_id', '=', link.source.record.id)
      .where('to_type', '=', target.to_type)
      .where('to_system', '=', target.to_system)
      .where('to_kind', '=', target.to_kind)
      .where('to_id', '=', target.to_id)
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow());
  const other = seenFrom.record.id === link.source.record.id ? link.target : link.source;
  const view = viewOf(row, seenFrom, isRecordEnd(other) ? other : null);
  if (!inserted) return { link: view, created: false, events: [] };
  const mirrored = await mirrorOnSource(trx, context, link, 'add');
  const events = await writeLinkTrail(trx, context, { id, ...link }, 'link', null);
  return { link: view, created: true, events: mirrored ? [mirrored, ...events] : events };
}

/** Loads the record a link row names, or null when its type is gone from the registry. */
async function loadEnd(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  orgId: string,
  type: string,
  id: string,
): Promise<LinkedEnd | null> {
  const recordType = registry.byName(type);
  if (!recordType) return null;
  const record = await findRecord(db, recordType, orgId, id);
  return record ? { recordType, record: record as RecordBase } : null;
}

/** The other end of a row as `self` sees it: a record, or null for a host object. */
async function otherEndOf(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  orgId: string,
  row: LinkRow,
  self: LinkedEnd,
) {
  const outgoing = row.from_type === self.recordType.name && row.from_id === self.record.id;
  if (outgoing) return row.to_type === '' ? null : loadEnd(db, registry, orgId, row.to_type, row.to_id);
  return loadEnd(db, registry, orgId, row.from_type, row.from_id);
}

/**
 * Removes a link of `self` (as source or target), with the reason, and writes both trails.
 * A link that is not `self`'s, already removed, or another organization's is a 404.
 */
export async function removeLink(
  trx: Transaction<Database>,
  context: LinkContext,
  self: LinkedEnd,
  linkId: string,
  reason: string,
): Promise<{ link: RecordLink; events: DomainEvent[] }> {
  const orgId = context.principal.orgId;
  const row = await trx
    .selectFrom('record_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', linkId)
    .where('removed_at', 'is', null)
    .where((where) =>
      where.or([
        where.and([where('from_type', '=', self.recordType.name), where('from_id', '=', self.record.id)]),
        where.and([where('to_type', '=', self.recordType.name), where('to_id', '=', self.record.id)]),
      ]),
    )
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw problems.notFound(`No link with that id on ${self.record.number}.`);
  const other = await otherEndOf(trx, context.registry, orgId, row, self);
  const outgoing = row.from_type === self.recordType.name && row.from_id === self.record.id;
  const source = outgoing ? self : other;
  if (!source) throw problems.notFound(`No link with that id on ${self.record.number}.`);
  if (source.recordType.finalStates.includes(source.record.state)) {
    throw problems.conflict(
      `${source.record.number} is ${source.record.state}: the links it was finished with stay.`,
      'record_final',
    );
  }
  await trx
    .updateTable('record_links')
    .set({
      removed_at: context.at,
      removed_by: context.principal.userId,
      removed_by_name: context.principal.displayName,
      removal_reason: reason,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', row.id)
    .execute();
  const target: ResolvedLink['target'] = outgoing
    ? (other ?? {
        host: {
          system: row.to_system,
          kind: row.to_kind,
          id: row.to_id,
          ...(row.to_label ? { label: row.to_label } : {}),
        },
      })
    : self;
  const mirrored = await mirrorOnSource(
    trx,
    context,
    { kind: row.kind as LinkKind, source, target },
    'remove',
  );
  const events = await writeLinkTrail(
    trx,
    context,
    { id: row.id, kind: row.kind as LinkKind, source, target },
    'unlink',
    reason,
  );
  return { link: viewOf(row, self, other), events: mirrored ? [mirrored, ...events] : events };
}

/**
 * A record's links in both directions, oldest first, each with its other end. Links to records
 * of a type the caller may not read are left out.
 */
export async function listLinks(
  db: Kysely<Database>,
  context: Pick<LinkContext, 'registry' | 'principal'>,
  self: LinkedEnd,
): Promise<RecordLink[]> {
  const orgId = context.principal.orgId;
  const rows = await db
    .selectFrom('record_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('removed_at', 'is', null)
    .where((where) =>
      where.or([
        where.and([where('from_type', '=', self.recordType.name), where('from_id', '=', self.record.id)]),
        where.and([where('to_type', '=', self.recordType.name), where('to_id', '=', self.record.id)]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const links: RecordLink[] = [];
  for (const row of rows) {
    const other = await otherEndOf(db, context.registry, orgId, row, self);
    const isHost =
      row.from_id === self.record.id && row.from_type === self.recordType.name && row.to_type === '';
    if (!isHost && (!other || !can(context.principal, other.recordType, 'read'))) continue;
    links.push(viewOf(row, self, other));
  }
  return links;
}
