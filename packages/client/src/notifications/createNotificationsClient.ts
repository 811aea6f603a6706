import { kitRoutes } from '@masetra/core';
import type { RequestOptions, RouteQuery, RouteResponse } from '../contractTypes';
import type { Transport } from '../internal/transport';

/** The signed-in user's notifications. */
export interface NotificationsClient {
  /** One page of notifications, newest first. */
  list(
    page?: RouteQuery<typeof kitRoutes.notifications>,
    options?: RequestOptions,
  ): Promise<RouteResponse<typeof kitRoutes.notifications>>;
  /** Marks one read and returns it. */
  read(id: string, options?: RequestOptions): Promise<RouteResponse<typeof kitRoutes.readNotification>>;
}

export function createNotificationsClient(send: Transport): NotificationsClient {
  return {
    list: async (page, options) => (await send(kitRoutes.notifications, { ...options, query: page })).data,
    read: async (id, options) =>
      (await send(kitRoutes.readNotification, { ...options, params: { id } })).data,
  };
}
