import { DEFAULT_PAGE_SIZE, outboxRequeueInputSchema, outboxRoutes } from '@masetra/core';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { authorizeOrganization } from '../http/authorize';
import type { RequestContext } from '../http/KitContext';
import { parseBody, parseParams, parseQuery, queryObject } from '../http/parseInput';
import { problems } from '../http/problems';
import { readJsonBody } from '../http/readJsonBody';
import { jsonResponse } from '../http/responses';
import { runWrite } from '../http/runWrite';
import { toIsoString } from '../storage/timestamps';
import { findOutboxRowForUpdate, listOutboxDeadLetters, requeueOutboxDeadLetter } from './deadLetters';

/** The audit trail names a requeued dead letter as this record type, with the outbox event's id. */
export const OUTBOX_DEAD_LETTER_TRAIL_TYPE = 'outbox_dead_letter';

/** `GET /outbox/dead-letters`: the organization's dead letters, for its administrators. */
export async function outboxDeadLettersHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'administerOutbox');
  const { limit, cursor } = parseQuery(outboxRoutes.outboxDeadLetters.query, queryObject(context.url));
  return jsonResponse(
    await listOutboxDeadLetters(context.kit.storage.db, context.principal.orgId, {
      limit: limit ?? DEFAULT_PAGE_SIZE,
      cursor,
    }),
  );
}

/**
 * `POST /outbox/dead-letters/{id}/requeue`: an administrator sends a dead letter again (the
 * broker or receiver is back). Audited like an organization setting: no record changed, but
 * someone decided that a message goes out again, and the trail says who and why.
 */
export async function requeueOutboxDeadLetterHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'administerOutbox');
  const { id } = parseParams(context.route.params, context.params) as { id: string };
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const { reason } = parseBody(outboxRequeueInputSchema, value ?? {});
  const { orgId, userId } = context.principal;
  return runWrite(context, text, async (trx) => {
    // Another organization's event is as absent as one that never existed.
    const row = await findOutboxRowForUpdate(trx, orgId, id);
    if (!row) throw problems.notFound('No such dead letter.');
    if (!row.dead_at) {
      throw problems.conflict(
        row.delivered_at
          ? 'This outbox event was delivered; there is nothing to requeue.'
          : 'This outbox event is still being tried (or was requeued already); it is no dead letter.',
      );
    }
    const requeued = await requeueOutboxDeadLetter(trx, orgId, id);
    if (!requeued) throw problems.notFound('No such dead letter.');
    await appendAuditEntry(trx, {
      orgId,
      at: context.kit.now().toISOString(),
      actorId: userId,
      actorName: context.principal.displayName,
      action: 'requeue',
      recordType: OUTBOX_DEAD_LETTER_TRAIL_TYPE,
      recordId: id,
      recordNumber: null,
      changes: [
        { field: 'deadAt', old: toIsoString(row.dead_at), new: null },
        { field: 'attempts', old: row.attempts, new: 0 },
      ],
      reason: reason ?? null,
      source: context.source,
      stateFrom: 'dead_letter',
      stateTo: 'pending',
    });
    return { status: 200, headers: {}, body: requeued, events: [] };
  });
}
