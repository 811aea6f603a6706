import { type LinkInput, linkInputSchema, linkRemovalSchema, type RecordBase } from '@masetra/core';
import { addLink, type LinkContext, listLinks, removeLink, resolveLink } from '../../services/recordLinks';
import { authorize } from '../authorize';
import { type RequestContext, recordTypeOf } from '../KitContext';
import { parseBody, parseParams } from '../parseInput';
import { readJsonBody } from '../readJsonBody';
import { jsonResponse } from '../responses';
import { runWrite } from '../runWrite';
import { loadRecord } from './recordReads';

function linkContext(context: RequestContext): LinkContext {
  return {
    registry: context.kit.registry,
    principal: context.principal,
    source: context.source,
    at: context.kit.now().toISOString(),
  };
}

export async function listLinksHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const self = { recordType: recordTypeOf(context), record };
  return jsonResponse({ items: await listLinks(context.kit.storage.db, linkContext(context), self) });
}

/**
 * Links the record in the URL to another record or a host object. Adding a link needs the
 * right to change the record in the URL and to read the other one; the other one's trail is
 * written too. The same link again answers 200 with it and writes nothing.
 */
export async function addLinkHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const input = parseBody(linkInputSchema, value) as LinkInput;
  const record = await loadRecord(context);
  authorize(context, recordType, 'update');
  return runWrite(context, text, async (trx) => {
    // Read again inside the transaction: the ends are checked where the link is written.
    const self = { recordType, record };
    const resolved = await resolveLink(trx, linkContext(context), self, input, '');
    const seenFrom =
      resolved.source.record.id === record.id ? resolved.source : (resolved.target as typeof self);
    const added = await addLink(trx, linkContext(context), resolved, seenFrom);
    return { status: added.created ? 201 : 200, headers: {}, body: added.link, events: added.events };
  });
}

/** Removes a link of the record in the URL, with a reason; both trails say who, when and why. */
export async function removeLinkHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const { reason } = parseBody(linkRemovalSchema, value);
  const { linkId } = parseParams(context.route.params, context.params) as { linkId: string };
  const record: RecordBase = await loadRecord(context);
  authorize(context, recordType, 'update');
  return runWrite(context, text, async (trx) => {
    const removed = await removeLink(trx, linkContext(context), { recordType, record }, linkId, reason);
    return { status: 200, headers: {}, body: removed.link, events: removed.events };
  });
}
