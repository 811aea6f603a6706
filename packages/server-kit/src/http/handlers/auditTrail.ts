import { kitRoutes } from '@masetra/core';
import { verifyAuditTrail } from '../../audit-checkpoints/verifyAuditTrail';
import { queryAuditTrail } from '../../audit-trail/queryAuditTrail';
import { lastVerifiedEntry } from '../../audit-verification';
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
  const { db } = context.kit.storage;
  const orgId = context.principal.orgId;
  // What the last full verification (a background job) recomputed is not recomputed per request.
  const from = await lastVerifiedEntry(db, orgId);
  return jsonResponse(await verifyAuditTrail(db, orgId, context.kit.auditCheckpointer, { from }));
}
