import { kpiQuerySchema } from '@masetra/core';
import { authorize, authorizeOrganization } from '../http/authorize';
import { type RequestContext, recordTypeOf } from '../http/KitContext';
import { parseQuery, queryObject } from '../http/parseInput';
import { problems } from '../http/problems';
import { jsonResponse } from '../http/responses';
import { computeKpis, defaultKpiPeriod } from './computeKpis';
import { type ReportQueryInput, runReport } from './runReport';

/**
 * `GET /reports/{collection}`: whoever may read the records may count them. The query is the
 * route's (the list's filters, `groupBy`, `metric`, the cycle), refused with a 400 as on a list.
 */
export async function reportHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  authorize(context, recordType, 'read');
  const query = parseQuery(context.route.query, queryObject(context.url)) as ReportQueryInput;
  const result = await runReport(context.kit.storage.db, recordType, context.principal.orgId, query, {
    now: context.kit.now(),
  });
  return jsonResponse(result);
}

/** `GET /reports/kpis?from&to`: the built-in KPIs; the last 12 months when no period is given. */
export async function kpisHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'viewReports');
  const query = parseQuery(kpiQuerySchema, queryObject(context.url));
  const now = context.kit.now();
  const period = defaultKpiPeriod(now);
  const from = query.from ? new Date(query.from) : period.from;
  const to = query.to ? new Date(query.to) : period.to;
  if (from.getTime() >= to.getTime())
    throw problems.invalidQuery([{ pointer: '/from', detail: 'from must be before to.' }]);
  return jsonResponse(
    await computeKpis(context.kit.storage.db, context.kit.registry, context.principal.orgId, {
      from,
      to,
      now,
    }),
  );
}
