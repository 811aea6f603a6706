import { authRoutes } from '@masetra/core/auth';
import type { RequestOptions, RouteResponse } from '../contractTypes';
import type { Transport } from '../internal/transport';

/** The caller's organization (reference server). */
export interface OrganizationsClient {
  list(options?: RequestOptions): Promise<RouteResponse<(typeof authRoutes)['listOrganizations']>>;
}

export function createOrganizationsClient(send: Transport): OrganizationsClient {
  return {
    list: async (options) => (await send(authRoutes.listOrganizations, options)).data,
  };
}
