import { capaTaskRoutes } from '@masetra/core';
import type { RequestOptions, RouteResponse } from '../contractTypes';
import type { Transport } from '../internal/transport';

/** CAPA tasks across CAPAs. */
export interface CapaTasksClient {
  /** The signed-in user's open tasks of CAPAs not yet finished, soonest due first. */
  mine(options?: RequestOptions): Promise<RouteResponse<typeof capaTaskRoutes.myCapaTasks>>;
}

export function createCapaTasksClient(send: Transport): CapaTasksClient {
  return {
    mine: async (options) => (await send(capaTaskRoutes.myCapaTasks, { ...options })).data,
  };
}
