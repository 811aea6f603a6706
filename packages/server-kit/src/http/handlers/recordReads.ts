import {
  DEFAULT_PAGE_SIZE,
  filterValues,
  type listQuerySchema,
  pageQuerySchema,
  type RecordBase,
  recordReadQuerySchema,
} from '@masetra/core';
import type * as z from 'zod/mini';
import { queryAuditTrail } from '../../audit-trail/queryAuditTrail';
import { recordAt } from '../../audit-trail/recordAt';
import { listSignatures } from '../../repositories/signatures';
import { findRecord, listRecords } from '../../storage/records';
import { authorize } from '../authorize';
import { type RequestContext, recordTypeOf } from '../KitContext';
import { parseParams, parseQuery, queryObject } from '../parseInput';
import { problems } from '../problems';
import { etagOf, jsonResponse } from '../responses';

/** Loads the record a route names, scoped to the caller's organization: another's is a 404. */
export async function loadRecord(context: RequestContext): Promise<RecordBase> {
  const recordType = recordTypeOf(context);
  const { id } = parseParams(context.route.params, context.params) as { id: string };
  authorize(context, recordType, 'read');
  const record = await findRecord(context.kit.storage.db, recordType, context.principal.orgId, id);
  if (!record) throw problems.notFound(`No ${recordType.name} with that id.`);
  return record as RecordBase;
}

export async function listRecordsHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  authorize(context, recordType, 'read');
  // The route's query is `listQuerySchema(recordType)`, whose filter fields (built with
  // `Object.fromEntries`) its inferred type cannot list.
  const { limit, cursor, sort, q, ...filters } = parseQuery(
    context.route.query,
    queryObject(context.url),
  ) as z.output<ReturnType<typeof listQuerySchema>> & Record<string, string | undefined>;
  const page = await listRecords(context.kit.storage.db, recordType, context.principal.orgId, {
    limit: limit ?? DEFAULT_PAGE_SIZE,
    cursor,
    sort: sort ?? '-createdAt',
    q,
    filters: Object.fromEntries(
      Object.entries(filters)
        .filter(([, value]) => value !== undefined)
        .map(([field, value]) => [field, filterValues(value)]),
    ),
  });
  return jsonResponse(page);
}

/**
 * One record; with `asOf`, the record as it stood then, rebuilt from its audit trail (PART11
 * item 4). A record that did not exist yet is a 404. A past version carries no ETag: it is not
 * the version a change could be based on.
 */
export async function getRecordHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const { asOf } = parseQuery(recordReadQuerySchema, queryObject(context.url));
  if (asOf === undefined) return jsonResponse(record, 200, { etag: etagOf(record.version) });
  const then = await recordAt(
    context.kit.storage.db,
    { orgId: record.orgId, recordType: record.type, recordId: record.id },
    { asOf },
  );
  if (!then) throw problems.notFound(`${record.number} did not exist yet at ${asOf}.`);
  return jsonResponse(then);
}

export async function recordAuditTrailHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const { limit, cursor } = parseQuery(pageQuerySchema, queryObject(context.url));
  const page = await queryAuditTrail(context.kit.storage.db, context.principal.orgId, {
    recordType: record.type,
    recordId: record.id,
    limit,
    cursor,
  });
  return jsonResponse(page);
}

export async function signaturesHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const items = await listSignatures(context.kit.storage.db, context.principal.orgId, record.type, record.id);
  return jsonResponse({ items });
}
