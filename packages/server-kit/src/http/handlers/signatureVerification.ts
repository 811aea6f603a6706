/** `GET /{collection}/{id}/signatures/{signatureId}/verify`: does the signature still bind to what it signed? */
import { verifySignature } from '../../services/verifySignature';
import { type RequestContext, recordTypeOf } from '../KitContext';
import { parseParams } from '../parseInput';
import { problems } from '../problems';
import { jsonResponse } from '../responses';
import { loadRecord } from './recordReads';

export async function verifySignatureHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const { signatureId } = parseParams(context.route.params, context.params) as { signatureId: string };
  const verification = await verifySignature(
    context.kit.storage.db,
    recordTypeOf(context),
    record,
    signatureId,
    context.kit.files,
  );
  if (!verification) throw problems.notFound('No signature with that id.');
  return jsonResponse(verification);
}
