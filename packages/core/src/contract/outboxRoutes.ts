import * as z from 'zod/mini';
import { defineRoute } from './defineRoute';
import { pageOf, pageQuerySchema } from './listQuery';

/**
 * An outbox event that failed past its retry limit (a broker, mail server or receiver that
 * stayed away): kept, no longer tried, until an administrator requeues it.
 */
export const outboxDeadLetterSchema = z.object({
  id: z.uuid(),
  /** What it is: a domain event (`deviation.transitioned`) or one destination's copy (`amqp.publish`). */
  type: z.string(),
  /** The record the event is about, where it is about one. */
  recordType: z.nullable(z.string()),
  recordId: z.nullable(z.string()),
  recordNumber: z.nullable(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  attempts: z.number(),
  lastError: z.nullable(z.string()),
  /** When it was given up on; `null` once requeued. */
  deadAt: z.nullable(z.iso.datetime({ offset: true })),
});
export type OutboxDeadLetter = z.infer<typeof outboxDeadLetterSchema>;

/** The body of `POST /outbox/dead-letters/{id}/requeue`: why, for the audit trail. */
export const outboxRequeueInputSchema = z.strictObject({
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
});

/** The outbox's dead letters, for the organization's administrators. */
export const outboxRoutes = {
  outboxDeadLetters: defineRoute({
    id: 'outbox.deadLetters.list',
    kind: 'outboxDeadLetters',
    method: 'GET',
    path: '/outbox/dead-letters',
    summary:
      "The organization's outbox events that failed past their retry limit, newest first (administrators)",
    tags: ['outbox'],
    query: pageQuerySchema,
    response: pageOf(outboxDeadLetterSchema),
    successStatus: 200,
    problems: [400, 401, 403],
  }),
  requeueOutboxDeadLetter: defineRoute({
    id: 'outbox.deadLetters.requeue',
    kind: 'requeueOutboxDeadLetter',
    method: 'POST',
    path: '/outbox/dead-letters/{id}/requeue',
    summary:
      'Requeue a dead letter: it is tried again at once, with a fresh retry budget (administrators; audited)',
    tags: ['outbox'],
    params: z.strictObject({ id: z.uuid() }),
    body: outboxRequeueInputSchema,
    response: outboxDeadLetterSchema,
    successStatus: 200,
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  }),
};
