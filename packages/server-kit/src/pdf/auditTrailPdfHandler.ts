/** `GET /audit-trail/export.pdf`: the filtered trail as a PDF, with the CSV export's filters and permission. */
import { PassThrough } from 'node:stream';
import { type AuditTrailEntry, MAX_PAGE_SIZE, type Page, pdfKitRoutes } from '@masetra/core';
import type { Kysely } from 'kysely';
import { type AuditTrailQuery, queryAuditTrail } from '../audit-trail/queryAuditTrail';
import { auditExport } from '../exports/auditExport';
import { auditTrailHeadSeq } from '../exports/auditTrailHead';
import { authorizeOrganization } from '../http/authorize';
import type { RequestContext } from '../http/KitContext';
import { parseQuery, queryObject } from '../http/parseInput';
import type { Database } from '../storage/database';
import { pdfPrintOf, pdfResponse } from './pdfContext';
import { writeAuditTrailPdf } from './writeAuditTrailPdf';

/** The entries of a filtered trail, a page at a time, starting with a page already read. */
async function* trailEntries(
  db: Kysely<Database>,
  orgId: string,
  query: AuditTrailQuery,
  first: Page<AuditTrailEntry>,
): AsyncGenerator<AuditTrailEntry> {
  let page = first;
  for (;;) {
    yield* page.items;
    if (!page.nextCursor) return;
    page = await queryAuditTrail(db, orgId, { ...query, cursor: page.nextCursor, limit: MAX_PAGE_SIZE });
  }
}

export async function auditTrailPdfHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'exportAuditTrail');
  const query = parseQuery(pdfKitRoutes.auditTrailPdf.query, queryObject(context.url));
  const { db } = context.kit.storage;
  const orgId = context.principal.orgId;
  // The trail as it stood when asked: the export's own entry, and any written while it streams, are not in it.
  const trail = { ...query, throughSeq: await auditTrailHeadSeq(db, orgId) };
  // The first page is read before answering, so a failing query is still a problem response, not a cut file.
  const first = await queryAuditTrail(db, orgId, { ...trail, limit: MAX_PAGE_SIZE });
  await auditExport(db, context, { what: 'audit-trail', format: 'pdf', filters: query });
  const print = await pdfPrintOf(context);
  const body = new PassThrough();
  writeAuditTrailPdf(body, trailEntries(db, orgId, trail, first), {
    locale: print.text.locale,
    organizationName: print.organizationName,
    printedBy: print.printedBy,
    printedAt: print.printedAt,
    filters: query,
  }).catch((error: unknown) => {
    // The reader went away: nothing failed that the host need hear of.
    if (body.destroyed) return;
    // Headers are sent: the download can only be cut, which a reader sees by its missing last line.
    body.destroy(error instanceof Error ? error : new Error(String(error)));
    context.kit.options.hooks?.onError?.(error, context.request);
  });
  return pdfResponse(body, 'audit-trail.pdf');
}
