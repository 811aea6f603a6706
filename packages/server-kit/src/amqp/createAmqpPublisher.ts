import { type ChannelModel, type ConfirmChannel, connect } from 'amqplib';
import type { DomainEvent } from '../services/QmsOptions';
import { DEFAULT_AMQP_EXCHANGE, domainEventMessage, routingKeyOf } from './domainEventMessage';

export interface AmqpPublisherOptions {
  /** `MASETRA_AMQP_URL`, e.g. `amqp://user:password@rabbitmq:5672/vhost`. */
  url: string;
  /** The topic exchange, declared durable when missing; `masetra.events` when left out. */
  exchange?: string;
  /** The name the broker shows for the connection (`connection_name`); `masetra-outbox` when left out. */
  connectionName?: string;
  /** How long connecting may take; 10 s when left out. */
  connectTimeoutMs?: number;
  /** How long to wait for the broker's confirm of a message; 30 s when left out. */
  confirmTimeoutMs?: number;
  /** The connection failed or dropped; the next publish connects again. */
  onConnectionError?: (error: unknown) => void;
}

export interface AmqpPublisher {
  /**
   * Publishes one domain event and resolves once the broker confirmed it (it is on disk, for a
   * durable queue); rejects when it did not, and the outbox tries again later.
   */
  publish(event: DomainEvent): Promise<void>;
  /** Closes the connection; a later publish opens a new one. */
  close(): Promise<void>;
}

interface Session {
  model: ChannelModel;
  channel: ConfirmChannel;
}

/**
 * Publishes domain events to RabbitMQ: topic exchange `masetra.events` (durable), routing key
 * `<orgId>.<recordType>.<event>`, persistent JSON messages whose `messageId` is the event id,
 * on a confirm channel. Meant as one destination of the outbox: publish from its delivery, so
 * an event the broker did not confirm stays in the outbox and is sent again.
 *
 * It holds one connection, opened on the first publish; when the connection or channel drops
 * (a broker restart, a network cut), the next publish opens a new one. Nothing waits in memory
 * meanwhile: the outbox is the queue.
 *
 * @example
 * const broker = createAmqpPublisher({ url: process.env.MASETRA_AMQP_URL });
 * deliver: (event) => broker.publish(event.payload as DomainEvent)
 */
export function createAmqpPublisher(options: AmqpPublisherOptions): AmqpPublisher {
  const exchange = options.exchange ?? DEFAULT_AMQP_EXCHANGE;
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 30_000;
  let current: Promise<Session> | null = null;

  function forget(session: Promise<Session>): void {
    if (current === session) current = null;
  }

  async function open(): Promise<Session> {
    const model = await connect(options.url, {
      timeout: options.connectTimeoutMs ?? 10_000,
      clientProperties: { connection_name: options.connectionName ?? 'masetra-outbox' },
    });
    try {
      const channel = await model.createConfirmChannel();
      await channel.assertExchange(exchange, 'topic', { durable: true });
      return { model, channel };
    } catch (error) {
      await model.close().catch(() => {});
      throw error;
    }
  }

  function session(): Promise<Session> {
    if (current) return current;
    const opening = open();
    current = opening;
    opening.then(
      ({ model, channel }) => {
        // A dropped connection or a channel the broker closed is not reused: the next publish reconnects.
        model.on('error', (error) => options.onConnectionError?.(error));
        // A broker's close (320 CONNECTION_FORCED on a restart) comes as `close` with its reason, not as `error`.
        model.on('close', (error?: Error) => {
          forget(opening);
          if (error) options.onConnectionError?.(error);
        });
        channel.on('error', (error) => options.onConnectionError?.(error));
        channel.on('close', () => {
          forget(opening);
          model.close().catch(() => {});
        });
      },
      (error) => {
        forget(opening);
        options.onConnectionError?.(error);
      },
    );
    return opening;
  }

  async function publish(event: DomainEvent): Promise<void> {
    const opening = session();
    const { model, channel } = await opening;
    const body = Buffer.from(JSON.stringify(domainEventMessage(event)), 'utf8');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        // No confirm in time: the connection is suspect; start afresh on the next publish.
        forget(opening);
        model.close().catch(() => {});
        reject(new Error(`the broker did not confirm event ${event.id} within ${confirmTimeoutMs} ms`));
      }, confirmTimeoutMs);
      try {
        channel.publish(
          exchange,
          routingKeyOf(event),
          body,
          {
            persistent: true,
            messageId: event.id,
            contentType: 'application/json',
            contentEncoding: 'utf-8',
            type: event.type,
            timestamp: Math.floor(Date.parse(event.at) / 1000),
            appId: 'masetra',
          },
          (error) => {
            clearTimeout(timer);
            if (error)
              reject(error instanceof Error ? error : new Error(`the broker refused event ${event.id}`));
            else resolve();
          },
        );
      } catch (error) {
        // The channel closed under us (IllegalOperationError): the next publish reconnects.
        clearTimeout(timer);
        forget(opening);
        reject(error);
      }
    });
  }

  async function close(): Promise<void> {
    const open = current;
    current = null;
    if (!open) return;
    const { model } = await open.catch(() => ({ model: null }));
    await model?.close().catch(() => {});
  }

  return { publish, close };
}
