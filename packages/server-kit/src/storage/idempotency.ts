import type { Transaction } from 'kysely';
import type { Database } from './database';
import { toJsonb } from './jsonb';
import type { Storage } from './storage';

/** What identifies a request under an `Idempotency-Key`. */
export interface IdempotentRequest {
  orgId: string;
  userId: string;
  key: string;
  method: string;
  path: string;
  /** A hash of the request body (and whatever else makes two requests "the same"). */
  requestHash: string;
}

/** The response a retry gets back, exactly as the first run produced it. */
export interface IdempotentResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The key was first used for a different request (another body, path, method or user).
 * The HTTP layer answers 422: replaying the old response would lie, running the new one
 * would break the promise the key made.
 */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  readonly code = 'idempotency_key_reused';
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`);
  }
}

/** Carries a non-2xx response out of the transaction so the key's row rolls back with it. */
class DiscardedResponse extends Error {
  constructor(readonly response: IdempotentResponse) {
    super('discarded');
  }
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * Runs `work` at most once per `(orgId, key)`. The key row is inserted first, in the same
 * transaction as the work: a concurrent retry blocks on its unique index until the first
 * commits and then reads the stored response, so exactly one record is created however
 * many retries race. Only 2xx responses are kept; anything else rolls the key back with
 * the work, so a retry after a failure runs again.
 *
 * @example
 * const response = await runIdempotent(storage, { orgId, userId, key, method, path, requestHash },
 *   async (trx) => ({ status: 201, headers: {}, body: JSON.stringify(await create(trx)) }));
 */
export async function runIdempotent(
  storage: Pick<Storage, 'db'>,
  request: IdempotentRequest,
  work: (trx: Transaction<Database>) => Promise<IdempotentResponse>,
): Promise<IdempotentResponse & { replayed: boolean }> {
  try {
    return await storage.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values({
          org_id: request.orgId,
          key: request.key,
          user_id: request.userId,
          method: request.method,
          path: request.path,
          request_hash: request.requestHash,
        })
        .onConflict((conflict) => conflict.columns(['org_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) return { ...(await storedResponse(trx, request)), replayed: true };

      const response = await work(trx);
      if (!isSuccess(response.status)) throw new DiscardedResponse(response);
      await trx
        .updateTable('idempotency_keys')
        .set({
          status_code: response.status,
          response_headers: toJsonb(response.headers),
          response_body: response.body,
        })
        .where('org_id', '=', request.orgId)
        .where('key', '=', request.key)
        .execute();
      return { ...response, replayed: false };
    });
  } catch (error) {
    if (error instanceof DiscardedResponse) return { ...error.response, replayed: false };
    throw error;
  }
}

async function storedResponse(
  trx: Transaction<Database>,
  request: IdempotentRequest,
): Promise<IdempotentResponse> {
  const row = await trx
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('org_id', '=', request.orgId)
    .where('key', '=', request.key)
    .executeTakeFirstOrThrow();
  const sameRequest =
    row.request_hash === request.requestHash &&
    row.user_id === request.userId &&
    row.method === request.method &&
    row.path === request.path;
  // A row without a response cannot be seen: the first run stores it before it commits.
  if (!sameRequest || row.status_code === null) throw new IdempotencyConflictError(request.key);
  return { status: row.status_code, headers: row.response_headers ?? {}, body: row.response_body ?? '' };
}

/** Forgets keys older than `before`; a host runs it now and then (keys are kept for retries, not for ever). */
export async function purgeIdempotencyKeys(storage: Pick<Storage, 'db'>, before: Date): Promise<number> {
  const result = await storage.db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
