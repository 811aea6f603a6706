import { DEFAULT_PAGE_SIZE } from '@masetra/core';
import { stringify } from 'csv-stringify/sync';
import { queryAuditTrail } from '../../audit-trail/queryAuditTrail';
import { verifyAuditChain } from '../../audit-trail/verifyAuditChain';
import { authorizeAuditReview } from '../authorize';
import type { RequestContext } from '../KitContext';
import { parseQuery, queryObject } from '../parseInput';
import { jsonResponse } from '../responses';

type AuditQuery = {
  recordType?: string;
  recordId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
};

export async function auditTrailHandler(context: RequestContext): Promise<Response> {
  authorizeAuditReview(context);
  const query = parseQuery(context.route.query, queryObject(context.url)) as AuditQuery;
  const page = await queryAuditTrail(context.kit.storage.db, context.principal.orgId, {
    ...query,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
  });
  return jsonResponse(page);
}

export async function verifyAuditTrailHandler(context: RequestContext): Promise<Response> {
  authorizeAuditReview(context);
  return jsonResponse(await verifyAuditChain(context.kit.storage.db, context.principal.orgId));
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The filtered trail as CSV, one row per changed field, with each entry's hash so a copy
 * can be checked against the chain (21 CFR 11.10(b), Annex 11 §8).
 */
export async function auditTrailExportHandler(context: RequestContext): Promise<Response> {
  authorizeAuditReview(context);
  const query = parseQuery(context.route.query, queryObject(context.url)) as AuditQuery;
  const rows: string[][] = [];
  let cursor = query.cursor;
  do {
    const page = await queryAuditTrail(context.kit.storage.db, context.principal.orgId, {
      ...query,
      cursor,
      limit: 1000,
    });
    for (const entry of page.items) {
      const changes = entry.changes.length > 0 ? entry.changes : [{ field: '', old: null, new: null }];
      for (const change of changes) {
        rows.push([
          String(entry.seq),
          entry.at,
          entry.actorId,
          entry.actorName,
          entry.action,
          entry.recordType,
          entry.recordNumber ?? '',
          entry.recordId,
          change.field,
          cell(change.old),
          cell(change.new),
          entry.reason ?? '',
          entry.stateFrom ?? '',
          entry.stateTo ?? '',
          entry.hash,
        ]);
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const csv = stringify(rows, {
    header: true,
    columns: [
      'seq',
      'at',
      'actor_id',
      'actor_name',
      'action',
      'record_type',
      'record_number',
      'record_id',
      'field',
      'old_value',
      'new_value',
      'reason',
      'state_from',
      'state_to',
      'entry_hash',
    ],
  });
  return new Response(csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit-trail.csv"',
      'cache-control': 'no-store',
    },
  });
}
