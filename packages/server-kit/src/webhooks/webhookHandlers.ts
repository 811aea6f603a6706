import {
  DEFAULT_PAGE_SIZE,
  type WebhookEndpoint,
  webhookEndpointChangesSchema,
  webhookEndpointInputSchema,
  webhookRoutes,
} from '@masetra/core';
import type { Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { authorizeOrganization } from '../http/authorize';
import { assertCurrent, expectedVersion } from '../http/ifMatch';
import type { RequestContext } from '../http/KitContext';
import { parseBody, parseParams, parseQuery, queryObject } from '../http/parseInput';
import { problems } from '../http/problems';
import { readJsonBody } from '../http/readJsonBody';
import { etagOf, jsonResponse } from '../http/responses';
import { runWrite } from '../http/runWrite';
import { enqueueOutboxEvent } from '../outbox/enqueueOutboxEvent';
import { decodeCursor, encodeCursor } from '../repositories/pageCursor';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { nonPublicAddressOf } from './privateAddresses';
import { WEBHOOK_DELIVERY_EVENT } from './webhookDestinations';
import { toWebhookDelivery, toWebhookEndpoint } from './webhookEndpointRow';
import { newWebhookSecret } from './webhookSecret';
import { type WebhookEndpointsTable, withWebhooks } from './webhookTables';
import { WEBHOOK_TRAIL_TYPE } from './webhookTrail';

/** How long the previous secret still signs after a rotation: receivers switch within a day. */
const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

const trailedFields = ['url', 'description', 'eventTypes', 'enabled', 'disabledReason'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function trailChanges(before: Partial<WebhookEndpoint>, after: Partial<WebhookEndpoint>) {
  return trailedFields
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }));
}

async function trail(
  trx: Transaction<Database>,
  context: RequestContext,
  action: string,
  endpointId: string,
  changes: { field: string; old: unknown; new: unknown }[],
  at: string,
) {
  await appendAuditEntry(trx, {
    orgId: context.principal.orgId,
    at,
    actorId: context.principal.userId,
    actorName: context.principal.displayName,
    action,
    recordType: WEBHOOK_TRAIL_TYPE,
    recordId: endpointId,
    recordNumber: null,
    changes,
    reason: null,
    source: context.source,
  });
}

/** Refuses a URL that is or resolves to a private, loopback or link-local address, unless the kit allows them. */
async function assertReachable(context: RequestContext, url: string): Promise<void> {
  if (context.kit.options.webhooks?.allowPrivateAddresses) return;
  const address = await nonPublicAddressOf(url);
  if (address) {
    throw problems.validation('Webhooks may not reach private, loopback or link-local addresses.', [
      { pointer: '/url', detail: `The host resolves to ${address}, which is not a public address.` },
    ]);
  }
}

function endpointIdOf(context: RequestContext): string {
  return (parseParams(context.route.params, context.params) as { id: string }).id;
}

/** The organization's endpoint of the route's id; another organization's is as absent as none. */
async function loadEndpoint(context: RequestContext): Promise<Selectable<WebhookEndpointsTable>> {
  authorizeOrganization(context, 'administerWebhooks');
  const row = await withWebhooks(context.kit.storage.db)
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', context.principal.orgId)
    .where('id', '=', endpointIdOf(context))
    .executeTakeFirst();
  if (!row) throw problems.notFound('No webhook endpoint with that id.');
  return row;
}

/** `GET /webhooks`: the organization's endpoints, oldest first, without secrets. */
export async function listWebhooksHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'administerWebhooks');
  const rows = await withWebhooks(context.kit.storage.db)
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', context.principal.orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const now = context.kit.now();
  return jsonResponse({ items: rows.map((row) => toWebhookEndpoint(row, now)) });
}

/** `POST /webhooks`: registered with a new secret, which this answer alone carries; audited without it. */
export async function createWebhookHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'administerWebhooks');
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const input = parseBody(webhookEndpointInputSchema, value);
  await assertReachable(context, input.url);
  const at = context.kit.now();
  const secret = newWebhookSecret();
  const endpoint: WebhookEndpoint = {
    id: uuidv7(),
    url: input.url,
    description: input.description ?? '',
    eventTypes: [...new Set(input.eventTypes)].sort(),
    enabled: input.enabled ?? true,
    disabledReason: null,
    previousSecretExpiresAt: null,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    version: 1,
  };
  return runWrite(context, text, async (trx) => {
    await withWebhooks(trx)
      .insertInto('webhook_endpoints')
      .values({
        id: endpoint.id,
        org_id: context.principal.orgId,
        url: endpoint.url,
        description: endpoint.description,
        event_types: toJsonb(endpoint.eventTypes),
        secret,
        enabled: endpoint.enabled,
        created_by: context.principal.userId,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    await trail(trx, context, 'create', endpoint.id, trailChanges({}, endpoint), endpoint.createdAt);
    return { status: 201, headers: { etag: etagOf(1) }, body: { ...endpoint, secret }, events: [] };
  });
}

/** `PATCH /webhooks/{id}`: If-Match; enabling again clears the server's reason for disabling it. */
export async function updateWebhookHandler(context: RequestContext): Promise<Response> {
  const expected = expectedVersion(context.request);
  const row = await loadEndpoint(context);
  assertCurrent(expected, row.version);
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const changes = parseBody(webhookEndpointChangesSchema, value);
  if (changes.url !== undefined && changes.url !== row.url) await assertReachable(context, changes.url);
  const at = context.kit.now();
  const before = toWebhookEndpoint(row, at);
  const enabled = changes.enabled ?? before.enabled;
  const after: WebhookEndpoint = {
    ...before,
    url: changes.url ?? before.url,
    description: changes.description ?? before.description,
    eventTypes: changes.eventTypes ? [...new Set(changes.eventTypes)].sort() : before.eventTypes,
    enabled,
    disabledReason: enabled ? null : before.disabledReason,
    updatedAt: at.toISOString(),
    version: before.version + 1,
  };
  return runWrite(context, text, async (trx) => {
    const updated = await withWebhooks(trx)
      .updateTable('webhook_endpoints')
      .set({
        url: after.url,
        description: after.description,
        event_types: toJsonb(after.eventTypes),
        enabled: after.enabled,
        disabled_reason: after.disabledReason,
        updated_at: at,
        version: after.version,
      })
      .where('org_id', '=', context.principal.orgId)
      .where('id', '=', before.id)
      .where('version', '=', expected)
      .executeTakeFirst();
    // Changed by another (or disabled by the server) since it was read.
    if (Number(updated.numUpdatedRows) !== 1) throw problems.stale(before.version + 1);
    await trail(trx, context, 'update', after.id, trailChanges(before, after), after.updatedAt);
    return { status: 200, headers: { etag: etagOf(after.version) }, body: after, events: [] };
  });
}

/** `DELETE /webhooks/{id}`: If-Match; its delivery log goes with it, the trail keeps its last values. */
export async function deleteWebhookHandler(context: RequestContext): Promise<Response> {
  const expected = expectedVersion(context.request);
  const row = await loadEndpoint(context);
  assertCurrent(expected, row.version);
  const at = context.kit.now();
  const endpoint = toWebhookEndpoint(row, at);
  return runWrite(context, '', async (trx) => {
    const deleted = await withWebhooks(trx)
      .deleteFrom('webhook_endpoints')
      .where('org_id', '=', context.principal.orgId)
      .where('id', '=', endpoint.id)
      .where('version', '=', expected)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw problems.stale(endpoint.version + 1);
    await trail(trx, context, 'delete', endpoint.id, trailChanges(endpoint, {}), at.toISOString());
    return { status: 200, headers: {}, body: endpoint, events: [] };
  });
}

/**
 * `POST /webhooks/{id}/rotate-secret`: a new secret, shown this once; the old one keeps signing
 * beside it for a day, so a receiver that switches in that time never rejects a delivery.
 */
export async function rotateWebhookSecretHandler(context: RequestContext): Promise<Response> {
  const row = await loadEndpoint(context);
  const at = context.kit.now();
  const expires = new Date(at.getTime() + ROTATION_OVERLAP_MS);
  const secret = newWebhookSecret();
  return runWrite(context, '', async (trx) => {
    const updated = await withWebhooks(trx)
      .updateTable('webhook_endpoints')
      .set({
        secret,
        previous_secret: row.secret,
        previous_secret_expires_at: expires,
        updated_at: at,
        version: row.version + 1,
      })
      .where('org_id', '=', context.principal.orgId)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw problems.stale(row.version + 1);
    // The trail says that and when the secret changed; never a secret.
    await trail(
      trx,
      context,
      'update',
      row.id,
      [{ field: 'secret', old: 'rotated', new: `previous valid until ${expires.toISOString()}` }],
      at.toISOString(),
    );
    const endpoint = toWebhookEndpoint(updated, at);
    return {
      status: 200,
      headers: { etag: etagOf(endpoint.version) },
      body: { ...endpoint, secret },
      events: [],
    };
  });
}

/** `GET /webhooks/{id}/deliveries`: the endpoint's tries, newest first (UUIDv7 ids sort by time). */
export async function webhookDeliveriesHandler(context: RequestContext): Promise<Response> {
  const endpoint = await loadEndpoint(context);
  const { limit: asked, cursor } = parseQuery(
    webhookRoutes.webhookDeliveries.query,
    queryObject(context.url),
  );
  const limit = asked ?? DEFAULT_PAGE_SIZE;
  let query = withWebhooks(context.kit.storage.db)
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', context.principal.orgId)
    .where('endpoint_id', '=', endpoint.id);
  const before = decodeCursor(cursor);
  if (before) query = query.where('id', '<', before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toWebhookDelivery);
  return jsonResponse({
    items,
    nextCursor: rows.length > limit ? encodeCursor(items.at(-1)?.id ?? '') : null,
  });
}

/**
 * `POST /webhooks/{id}/deliveries/{deliveryId}/replay`: the delivery's event is queued for the
 * endpoint again, with the same `webhook-id` (a receiver that kept it drops the repeat) and a
 * fresh retry budget. Audited: no record changed, but someone sent data out again.
 */
export async function replayWebhookDeliveryHandler(context: RequestContext): Promise<Response> {
  const endpoint = await loadEndpoint(context);
  const { deliveryId } = parseParams(context.route.params, context.params) as { deliveryId: string };
  if (!endpoint.enabled) throw problems.conflict('The endpoint is disabled; enable it before replaying.');
  const delivery = await withWebhooks(context.kit.storage.db)
    .selectFrom('webhook_deliveries')
    .select(['id', 'webhook_id', 'event_type', 'payload'])
    .where('org_id', '=', context.principal.orgId)
    .where('endpoint_id', '=', endpoint.id)
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!delivery) throw problems.notFound('No such delivery of this endpoint.');
  return runWrite(context, '', async (trx) => {
    const outboxId = await enqueueOutboxEvent(trx, {
      orgId: context.principal.orgId,
      type: WEBHOOK_DELIVERY_EVENT,
      payload: delivery.payload,
    });
    await trail(
      trx,
      context,
      'replay',
      endpoint.id,
      [{ field: 'delivery', old: delivery.id, new: delivery.webhook_id }],
      context.kit.now().toISOString(),
    );
    return {
      status: 202,
      headers: {},
      body: { webhookId: delivery.webhook_id, eventType: delivery.event_type, outboxId },
      events: [],
    };
  });
}
