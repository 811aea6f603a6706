import { kitRoutes, MAX_PAGE_SIZE } from '@masetra/core';
import { stringify } from 'csv-stringify/sync';
import { verifyAuditTrail } from '../../audit-checkpoints/verifyAuditTrail';
import { queryAuditTrail } from '../../audit-trail/queryAuditTrail';
import { authorizeOrganization } from '../authorize';
import type { RequestContext } from '../KitContext';
import { parseQuery, queryObject } from '../parseInput';
import { jsonResponse } from '../responses';

export async function auditTrailHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'reviewAuditTrail');
  const query = parseQuery(kitRoutes.auditTrail.query, queryObject(context.url));
  return jsonResponse(await queryAuditTrail(context.kit.storage.db, context.principal.orgId, query));
}

export async function verifyAuditTrailHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'reviewAuditTrail');
  return jsonResponse(
    await verifyAuditTrail(context.kit.storage.db, context.principal.orgId, context.kit.auditCheckpointer),
  );
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
  authorizeOrganization(context, 'exportAuditTrail');
  const query = parseQuery(kitRoutes.auditTrailExport.query, queryObject(context.url));
  const rows: string[][] = [];
  let cursor = query.cursor;
  do {
    const page = await queryAuditTrail(context.kit.storage.db, context.principal.orgId, {
      ...query,
      cursor,
      limit: MAX_PAGE_SIZE,
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
