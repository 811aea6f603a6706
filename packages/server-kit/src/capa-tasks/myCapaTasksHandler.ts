import type { RequestContext } from '../http/KitContext';
import { problems } from '../http/problems';
import { jsonResponse } from '../http/responses';
import { myCapaTasks } from './myCapaTasks';

/** `GET /capa-tasks/mine`: the caller's open CAPA tasks. */
export async function myCapaTasksHandler(context: RequestContext): Promise<Response> {
  const capaType = context.kit.registry.byName('capa');
  if (!capaType) throw problems.notFound('This server keeps no CAPAs.');
  const items = await myCapaTasks(
    context.kit.storage.db,
    capaType,
    context.principal,
    context.kit.now().toISOString(),
  );
  return jsonResponse({ items });
}
