import { kitRoutes, MAX_PAGE_SIZE } from '@masetra/core';
import { auditTrailCsv } from '../../audit-trail/auditTrailCsv';
import { queryAuditTrail } from '../../audit-trail/queryAuditTrail';
import { authorizeOrganization } from '../authorize';
import type { RequestContext } from '../KitContext';
import { parseQuery, queryObject } from '../parseInput';

/**
 * The filtered trail as CSV (21 CFR 11.10(b), Annex 11 §8), streamed a page at a time: memory
 * stays at one page however long the organization's trail, and the download starts at once.
 */
export async function auditTrailExportHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'exportAuditTrail');
  const query = parseQuery(kitRoutes.auditTrailExport.query, queryObject(context.url));
  const { db } = context.kit.storage;
  const orgId = context.principal.orgId;
  const encoder = new TextEncoder();
  let cursor = query.cursor;
  let first = true;
  // The first page is read before answering, so a failing query is still a problem response, not a cut file.
  let page = await queryAuditTrail(db, orgId, { ...query, cursor, limit: MAX_PAGE_SIZE });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      controller.enqueue(encoder.encode(auditTrailCsv(page.items, first)));
      first = false;
      cursor = page.nextCursor ?? undefined;
      if (!cursor) {
        controller.close();
        return;
      }
      page = await queryAuditTrail(db, orgId, { ...query, cursor, limit: MAX_PAGE_SIZE });
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit-trail.csv"',
      'cache-control': 'no-store',
      // Said with the file: values a spreadsheet would run as formulas start with ' here; entry_content is exact.
      'x-masetra-csv-formulas': 'escaped',
    },
  });
}
