import { kitRoutes, MAX_PAGE_SIZE } from '@masetra/core';
import { auditTrailCsv } from '../../audit-trail/auditTrailCsv';
import { queryAuditTrail } from '../../audit-trail/queryAuditTrail';
import { auditExport } from '../../exports/auditExport';
import { auditTrailHeadSeq } from '../../exports/auditTrailHead';
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
  // The trail as it stood when asked: not this export's own entry, nor entries written while it streams.
  const throughSeq = await auditTrailHeadSeq(db, orgId);
  // The first page is read before answering, so a failing query is still a problem response, not a cut file.
  let page = await queryAuditTrail(db, orgId, { ...query, cursor, throughSeq, limit: MAX_PAGE_SIZE });
  // Written before the first byte leaves, so a download cut half-way still says it was asked for.
  await auditExport(db, context, {
    what: 'audit-trail',
    format: 'csv',
    filters: Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)),
  });
  await context.kit.auditCheckpointer?.checkpoint(orgId);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      controller.enqueue(encoder.encode(auditTrailCsv(page.items, first)));
      first = false;
      cursor = page.nextCursor ?? undefined;
      if (!cursor) {
        controller.close();
        return;
      }
      page = await queryAuditTrail(db, orgId, { ...query, cursor, throughSeq, limit: MAX_PAGE_SIZE });
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
