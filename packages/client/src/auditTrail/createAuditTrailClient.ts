import { type AuditTrailEntry, kitRoutes } from '@masetra/core';
import type { RequestOptions, RouteQuery, RouteResponse } from '../contractTypes';
import { paginate } from '../internal/paginate';
import type { Transport } from '../internal/transport';

/** Filters of the organization-wide audit trail: record, actor, action, time, page. */
export type AuditTrailFilters = RouteQuery<typeof kitRoutes.auditTrail>;

/** The organization's audit trail, for periodic review and inspection (21 CFR 11.10(b), (e)). */
export interface AuditTrailClient {
  /** One page of entries, oldest first. */
  list(
    filters?: AuditTrailFilters,
    options?: RequestOptions,
  ): Promise<RouteResponse<typeof kitRoutes.auditTrail>>;
  /** Every entry the filters match, page after page. */
  iterate(filters?: AuditTrailFilters, options?: RequestOptions): AsyncIterable<AuditTrailEntry>;
  /** Recomputes the hash chain: `{ ok, entries, headHash }` or `{ ok: false, brokenAt }`. */
  verify(options?: RequestOptions): Promise<RouteResponse<typeof kitRoutes.verifyAuditTrail>>;
  /** Starts a full verification of the trail as a background job; follow it with `verification(id)`. */
  startVerification(
    options?: RequestOptions,
  ): Promise<RouteResponse<typeof kitRoutes.startAuditVerification>>;
  /** A full verification's progress, and its result once done. */
  verification(
    id: string,
    options?: RequestOptions,
  ): Promise<RouteResponse<typeof kitRoutes.auditVerification>>;
  /** The filtered entries as CSV, an electronic copy for an inspector. */
  exportCsv(filters?: AuditTrailFilters, options?: RequestOptions): Promise<string>;
}

export function createAuditTrailClient(send: Transport): AuditTrailClient {
  const list: AuditTrailClient['list'] = async (filters, options) =>
    (await send(kitRoutes.auditTrail, { ...options, query: filters })).data;
  return {
    list,
    iterate: (filters, options) =>
      paginate((cursor) => list({ ...filters, cursor }, options), filters?.cursor),
    verify: async (options) => (await send(kitRoutes.verifyAuditTrail, options)).data,
    startVerification: async (options) => (await send(kitRoutes.startAuditVerification, options)).data,
    verification: async (id, options) =>
      (await send(kitRoutes.auditVerification, { ...options, params: { verificationId: id } })).data,
    exportCsv: async (filters, options) =>
      (await send(kitRoutes.auditTrailExport, { ...options, query: filters })).data,
  };
}
