import { domainEventMessage } from '../amqp/domainEventMessage';
import type { DomainEvent } from '../services/QmsOptions';

/**
 * The JSON a receiver gets, in the Standard Webhooks shape `{ type, timestamp, data }`: the
 * event without the record's content (organization, record type, id, number, event, from and
 * to state, actor, time); a receiver that needs more reads the record over the API.
 */
export function webhookPayload(event: DomainEvent) {
  const { eventId: _eventId, type: _type, ...data } = domainEventMessage(event);
  return { type: event.type, timestamp: event.at, data };
}
