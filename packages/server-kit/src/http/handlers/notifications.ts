import { DEFAULT_PAGE_SIZE, kitRoutes } from '@masetra/core';
import { listNotifications, markNotificationRead } from '../../repositories/notifications';
import type { RequestContext } from '../KitContext';
import { parseParams, parseQuery, queryObject } from '../parseInput';
import { problems } from '../problems';
import { jsonResponse } from '../responses';

export async function notificationsHandler(context: RequestContext): Promise<Response> {
  const { limit, cursor } = parseQuery(kitRoutes.notifications.query, queryObject(context.url));
  const page = await listNotifications(
    context.kit.storage.db,
    context.principal.orgId,
    context.principal.userId,
    {
      limit: limit ?? DEFAULT_PAGE_SIZE,
      cursor,
    },
  );
  return jsonResponse(page);
}

export async function readNotificationHandler(context: RequestContext): Promise<Response> {
  const { id } = parseParams(context.route.params, context.params) as { id: string };
  const notification = await markNotificationRead(
    context.kit.storage.db,
    context.principal.orgId,
    context.principal.userId,
    id,
    context.kit.now().toISOString(),
  );
  if (!notification) throw problems.notFound('No such notification.');
  return jsonResponse(notification);
}
