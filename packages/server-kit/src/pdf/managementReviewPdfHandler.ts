/** `GET /reports/management-review.pdf?from&to`: the KPIs of a period as one printable pack, for whoever may see the KPIs. */
import { pdfKitRoutes } from '@masetra/core';
import { auditExport } from '../exports/auditExport';
import { authorizeOrganization } from '../http/authorize';
import type { RequestContext } from '../http/KitContext';
import { parseQuery, queryObject } from '../http/parseInput';
import { problems } from '../http/problems';
import { computeKpis, defaultKpiPeriod } from '../reports';
import { pdfPrintOf, pdfResponse } from './pdfContext';
import { writeManagementReviewPdf } from './writeManagementReviewPdf';

export async function managementReviewPdfHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'viewReports');
  const query = parseQuery(pdfKitRoutes.managementReviewPdf.query, queryObject(context.url));
  // The period as `GET /reports/kpis` reads it, so the pack prints the numbers the dashboard shows.
  const now = context.kit.now();
  const period = defaultKpiPeriod(now);
  const from = query.from ? new Date(query.from) : period.from;
  const to = query.to ? new Date(query.to) : period.to;
  if (from.getTime() >= to.getTime()) {
    throw problems.invalidQuery([{ pointer: '/from', detail: 'from must be before to.' }]);
  }
  const { db } = context.kit.storage;
  const kpis = await computeKpis(db, context.kit.registry, context.principal.orgId, { from, to, now });
  await auditExport(db, context, {
    what: 'management-review',
    format: 'pdf',
    filters: { from: from.toISOString(), to: to.toISOString() },
  });
  return pdfResponse(writeManagementReviewPdf(kpis, await pdfPrintOf(context)), 'management-review.pdf');
}
