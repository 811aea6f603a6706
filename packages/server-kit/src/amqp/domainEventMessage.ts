import type { DomainEvent } from '../services/QmsOptions';

/** The topic exchange every domain event is published to. */
export const DEFAULT_AMQP_EXCHANGE = 'masetra.events';

/** What a consumer of `masetra.events` receives: the event, without the record's content. */
export interface DomainEventMessage {
  /** The domain event's id; also the message's `messageId`, so a consumer can drop a repeat. */
  eventId: string;
  /** `deviation.transitioned`. */
  type: string;
  organization: string;
  recordType: string;
  id: string;
  number: string;
  /** The verb: `created`, `updated`, `transitioned`, `signed`, `linked`, … */
  event: string;
  /** The lifecycle event of a move or signing (`SUBMIT`), else null. */
  lifecycleEvent: string | null;
  /** The states a move left and reached; null for changes that are no move. */
  from: string | null;
  to: string | null;
  /** The record's state after the change. */
  state: string | null;
  /** The user id of whoever made the change. */
  actor: string;
  time: string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A topic word: `.` separates words and `*`/`#` are wildcards, so none may appear inside one. */
function word(value: string): string {
  return value.replace(/[.*#]/g, '_') || '_';
}

/** The verb of `deviation.transitioned`: what follows the record type. */
function verbOf(event: DomainEvent): string {
  const prefix = `${event.recordType}.`;
  return event.type.startsWith(prefix) ? event.type.slice(prefix.length) : event.type;
}

/** `<orgId>.<recordType>.<event>`: bind `<orgId>.#` for one organization, `*.capa.*` for CAPAs. */
export function routingKeyOf(event: DomainEvent): string {
  return [event.orgId, event.recordType, verbOf(event)].map(word).join('.');
}

export function domainEventMessage(event: DomainEvent): DomainEventMessage {
  const data = event.data ?? {};
  return {
    eventId: event.id,
    type: event.type,
    organization: event.orgId,
    recordType: event.recordType,
    id: event.recordId,
    number: event.recordNumber,
    event: verbOf(event),
    lifecycleEvent: text(data.event),
    from: text(data.from),
    to: text(data.to),
    state: text(data.state),
    actor: event.actorId,
    time: event.at,
  };
}
