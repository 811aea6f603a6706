import { sha256Hex } from '@masetra/core';
import type { Transaction } from 'kysely';
import type { DomainEvent } from '../services/QmsOptions';
import type { Database } from '../storage/database';
import { IdempotencyConflictError, runIdempotent } from '../storage/idempotency';
import type { RequestContext } from './KitContext';
import { problems } from './problems';

export interface WriteResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  events: DomainEvent[];
}

/**
 * Runs a write in one transaction. With an `Idempotency-Key`, the key is claimed in that
 * same transaction and a retry gets the first response back, creating nothing twice.
 * Events reach the host's hook only after the commit, and only on the first run.
 */
export async function runWrite(
  context: RequestContext,
  requestText: string,
  work: (trx: Transaction<Database>) => Promise<WriteResult>,
): Promise<Response> {
  const key = context.request.headers.get('idempotency-key');
  let events: DomainEvent[] = [];
  const run = async (trx: Transaction<Database>) => {
    const result = await work(trx);
    events = result.events;
    return { status: result.status, headers: result.headers, body: JSON.stringify(result.body) };
  };
  let response: { status: number; headers: Record<string, string>; body: string };
  if (key && context.route.idempotent) {
    if (key.length > 200) throw problems.malformed('Idempotency-Key is longer than 200 characters.');
    const request = {
      orgId: context.principal.orgId,
      userId: context.principal.userId,
      key,
      method: context.request.method,
      path: context.url.pathname,
      requestHash: await sha256Hex(requestText),
    };
    try {
      response = await runIdempotent(context.kit.storage, request, run);
    } catch (error) {
      // Replaying the first answer would lie about this request; running it would break the key's promise.
      if (error instanceof IdempotencyConflictError) throw problems.idempotencyKeyReused();
      throw error;
    }
  } else {
    response = await context.kit.storage.db.transaction().execute(run);
  }
  // Checkpointed before the answer: an acknowledged change is covered by a signature kept outside the database.
  await context.kit.auditCheckpointer?.checkpoint(context.principal.orgId);
  context.kit.emit(events);
  return new Response(response.body, {
    status: response.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...response.headers,
    },
  });
}
