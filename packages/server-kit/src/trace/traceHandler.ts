import { loadRecord } from '../http/handlers/recordReads';
import { type RequestContext, recordTypeOf } from '../http/KitContext';
import { jsonResponse } from '../http/responses';
import { traceRecord } from './traceRecord';

/** `GET /{collection}/{id}/trace`: the record (readable by the caller, or 404) and its chain. */
export async function traceHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const recordType = recordTypeOf(context);
  return jsonResponse(
    await traceRecord(
      context.kit.storage.db,
      context.kit.registry,
      context.principal,
      { recordType, record },
      undefined,
      context.kit.now(),
    ),
  );
}
