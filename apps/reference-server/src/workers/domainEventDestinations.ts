import type { RecordTypeRegistry } from '@masetra/core';
import {
  type Database,
  type DomainEvent,
  fanOutOutboxEvent,
  type OutboxEvent,
  webhookDestinations,
} from '@masetra/server-kit';
import type { AmqpPublisher } from '@masetra/server-kit/amqp';
import type { Kysely } from 'kysely';
import { notifyOnDomainEvent } from './notifyOnDomainEvent';

/** The outbox row of one domain event's copy for the message broker. */
export const AMQP_PUBLISH_EVENT = 'amqp.publish';

/** Whether an outbox payload is a domain event the kit wrote (a record changed). */
export function isDomainEvent(payload: unknown): payload is DomainEvent {
  const event = payload as Partial<DomainEvent> | null;
  return (
    typeof event?.type === 'string' &&
    typeof event.orgId === 'string' &&
    typeof event.recordType === 'string' &&
    typeof event.recordId === 'string'
  );
}

/**
 * The delivery of a domain event: its in-app notifications are written, and one outbox row is
 * added per outside destination (the message broker, when configured, and each subscribed webhook endpoint), all in one
 * transaction with marking the event delivered. Each destination is then retried, dead-lettered
 * and requeued on its own: a broker that is down delays the broker's copy only, and a retry of
 * it writes no notification twice. Payloads the kit did not write as domain events are passed by.
 */
export function fanOutDomainEvent(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  options: { broker: boolean },
) {
  return async (event: OutboxEvent): Promise<void> => {
    if (!isDomainEvent(event.payload)) return;
    const payload = event.payload;
    await fanOutOutboxEvent(db, event, {
      local: (trx) => notifyOnDomainEvent(trx, registry)(payload),
      destinations: [
        ...(options.broker ? [{ orgId: event.orgId, type: AMQP_PUBLISH_EVENT, payload }] : []),
        // One copy per webhook endpoint of the organization subscribed to the event's type.
        ...(await webhookDestinations(db, payload)),
      ],
    });
  };
}

/** The delivery of a broker copy: published and confirmed, or thrown, and the outbox tries again. */
export function publishToBroker(broker: AmqpPublisher | undefined) {
  return async (event: OutboxEvent): Promise<void> => {
    // Copies made while a broker was configured wait (and dead-letter in the end) until it is again.
    if (!broker) throw new Error('no message broker: set MASETRA_AMQP_URL to publish domain events');
    await broker.publish(event.payload as DomainEvent);
  };
}
