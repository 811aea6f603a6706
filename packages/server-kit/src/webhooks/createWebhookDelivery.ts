import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_OUTBOX_MAX_ATTEMPTS } from '../outbox/markOutboxFailed';
import type { OutboxEvent } from '../outbox/types';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { type DisabledWebhookEndpoint, disableFailingEndpoint } from './disableFailingEndpoint';
import { sendWebhook, type WebhookAnswer } from './sendWebhook';
import type { WebhookDeliveryPayload } from './webhookDestinations';
import { webhookPayload } from './webhookPayload';
import { webhookSignatureHeader } from './webhookSecret';
import { withWebhooks } from './webhookTables';

export interface WebhookDeliveryOptions {
  db: Kysely<Database>;
  /** Send to loopback and private addresses too (`MASETRA_WEBHOOKS_ALLOW_PRIVATE`): tests, a demo. */
  allowPrivateAddresses?: boolean;
  /** How long a receiver may take to answer; 10 s when left out. */
  timeoutMs?: number;
  /**
   * The outbox worker's `retry.maxAttempts`: the try that reaches it disables the endpoint and
   * tells its administrators, as the outbox dead-letters the copy. 80 (about 3 days) when left out.
   */
  maxAttempts?: number;
  now?: () => Date;
  /**
   * Called in the transaction that disables an endpoint past the retry limit, after its
   * administrators got their in-app notifications: a host adds its own notice, e.g. an e-mail
   * enqueued in its outbox.
   */
  onEndpointDisabled?: (trx: Transaction<Database>, disabled: DisabledWebhookEndpoint) => Promise<void>;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
}

/**
 * The outbox delivery of `webhook.deliver` rows: the event is signed (Standard Webhooks, by the
 * current secret and, during a rotation's overlap, the previous one too), POSTed, and the try
 * logged for the endpoint's administrators. Anything but a 2xx answer throws, so the outbox tries
 * again with its backoff; the try that reaches the retry limit disables the endpoint. A copy for
 * an endpoint since deleted or disabled is dropped.
 *
 * @example
 * const deliverWebhook = createWebhookDelivery({ db: storage.db });
 * createOutboxWorker({ storage, deliver: (event) =>
 *   event.type === WEBHOOK_DELIVERY_EVENT ? deliverWebhook(event) : fanOut(event) });
 */
export function createWebhookDelivery(options: WebhookDeliveryOptions) {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? DEFAULT_OUTBOX_MAX_ATTEMPTS;
  return async (event: OutboxEvent): Promise<void> => {
    const { endpointId, webhookId, event: domainEvent } = event.payload as WebhookDeliveryPayload;
    const webhooks = withWebhooks(options.db);
    const endpoint = await webhooks
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('org_id', '=', event.orgId)
      .where('id', '=', endpointId)
      .executeTakeFirst();
    if (!endpoint?.enabled) return;

    const sentAt = now();
    const timestamp = Math.floor(sentAt.getTime() / 1000);
    const body = JSON.stringify(webhookPayload(domainEvent));
    const previousValid =
      endpoint.previous_secret !== null &&
      endpoint.previous_secret_expires_at !== null &&
      new Date(endpoint.previous_secret_expires_at) > sentAt;
    const secrets = previousValid ? [endpoint.secret, endpoint.previous_secret as string] : [endpoint.secret];
    const started = performance.now();
    let answer: WebhookAnswer | null = null;
    let failure: string | null = null;
    try {
      answer = await sendWebhook({
        url: endpoint.url,
        body,
        headers: {
          'webhook-id': webhookId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignatureHeader(secrets, webhookId, timestamp, body),
        },
        timeoutMs: options.timeoutMs,
        allowPrivateAddresses: options.allowPrivateAddresses,
      });
      if (answer.status < 200 || answer.status > 299) failure = `the receiver answered ${answer.status}`;
    } catch (error) {
      failure = messageOf(error);
    }
    await webhooks
      .insertInto('webhook_deliveries')
      .values({
        id: uuidv7(),
        org_id: event.orgId,
        endpoint_id: endpointId,
        webhook_id: webhookId,
        event_type: domainEvent.type,
        record_number: domainEvent.recordNumber ?? null,
        payload: toJsonb(event.payload),
        status: failure ? 'failed' : 'delivered',
        attempt: event.attempts,
        response_status: answer?.status ?? null,
        duration_ms: answer?.durationMs ?? Math.round(performance.now() - started),
        error: failure,
        at: sentAt,
      })
      .execute();
    if (!failure) return;
    if (event.attempts >= maxAttempts) {
      await disableFailingEndpoint(
        options.db,
        {
          orgId: event.orgId,
          endpointId,
          reason: `Deliveries failed ${event.attempts} times in a row; the last: ${failure}`,
          at: now(),
        },
        options.onEndpointDisabled,
      );
    }
    throw new Error(`webhook to ${endpoint.url} failed: ${failure}`);
  };
}
