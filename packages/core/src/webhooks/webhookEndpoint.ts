import * as z from 'zod/mini';

/**
 * The verbs of the domain events the outbox carries (`<recordType>.<verb>`): what a webhook
 * endpoint may subscribe to, per record type.
 */
export const webhookEventVerbs = [
  'created',
  'updated',
  'transitioned',
  'signed',
  'linked',
  'unlinked',
  'attached',
  'commented',
  'printed',
  'revision_started',
  'training_assigned',
  'training_closed',
] as const;

/** A domain event's type, `deviation.transitioned`: a record type's name and a verb. */
export const webhookEventTypeSchema = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]{0,63}\.[a-z][a-z0-9_]{0,63}$/, 'expected <recordType>.<verb>'));

const url = z.string().check(
  z.trim(),
  z.maxLength(2000),
  z.regex(/^https?:\/\/[^\s/?#]+/i, 'expected an http or https URL'),
  z.refine((value) => URL.canParse(value), 'expected an http or https URL'),
);
const description = z.string().check(z.trim(), z.maxLength(500));
const eventTypes = z.array(webhookEventTypeSchema).check(z.minLength(1), z.maxLength(200));

/** An organization's webhook endpoint as its administrators see it: never its secret. */
export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  /** The domain event types it receives, e.g. `deviation.transitioned`. */
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  /** Why it was disabled by the server (failing past the retry limit); null when enabled or disabled by hand. */
  disabledReason: z.nullable(z.string()),
  /** Until when the previous secret still signs too, after a rotation; null outside an overlap. */
  previousSecretExpiresAt: z.nullable(z.iso.datetime({ offset: true })),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.int(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The answer to a registration or a rotation: the endpoint and its signing secret, shown this once. */
export const webhookEndpointWithSecretSchema = z.object({
  ...webhookEndpointSchema.shape,
  /** `whsec_` and the base64 of the secret's bytes (Standard Webhooks). */
  secret: z.string(),
});
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecretSchema>;

/** The body of `POST /webhooks`. */
export const webhookEndpointInputSchema = z.strictObject({
  url,
  description: z.optional(description),
  eventTypes,
  enabled: z.optional(z.boolean()),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointInputSchema>;

/** The body of `PATCH /webhooks/{id}`: enabling again clears the server's reason for disabling. */
export const webhookEndpointChangesSchema = z.strictObject({
  url: z.optional(url),
  description: z.optional(description),
  eventTypes: z.optional(eventTypes),
  enabled: z.optional(z.boolean()),
});
export type WebhookEndpointChanges = z.infer<typeof webhookEndpointChangesSchema>;

/** One try of sending an event to an endpoint. */
export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  /** The `webhook-id` header: the domain event's id, the same on every retry and replay. */
  webhookId: z.string(),
  /** `deviation.transitioned`. */
  eventType: z.string(),
  recordNumber: z.nullable(z.string()),
  /** `delivered` (a 2xx answer) or `failed` (any other answer, a refusal, a timeout). */
  status: z.enum(['delivered', 'failed']),
  /** The outbox's try of this copy, from 1; a replay starts again at 1. */
  attempt: z.int(),
  responseStatus: z.nullable(z.int()),
  durationMs: z.int(),
  error: z.nullable(z.string()),
  at: z.iso.datetime({ offset: true }),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** The answer to a replay: the event is queued for the endpoint again, under its own `webhook-id`. */
export const webhookReplaySchema = z.object({
  webhookId: z.string(),
  eventType: z.string(),
  /** The outbox row that will carry it. */
  outboxId: z.uuid(),
});
export type WebhookReplay = z.infer<typeof webhookReplaySchema>;
