/**
 * `@masetra/server-kit/amqp`: domain events to RabbitMQ. An entry of its own, so only a host
 * that publishes to a broker loads `amqplib` (an optional peer dependency).
 */
export type { AmqpPublisher, AmqpPublisherOptions } from './createAmqpPublisher';
export { createAmqpPublisher } from './createAmqpPublisher';
export type { DomainEventMessage } from './domainEventMessage';
export { DEFAULT_AMQP_EXCHANGE, domainEventMessage, routingKeyOf } from './domainEventMessage';
