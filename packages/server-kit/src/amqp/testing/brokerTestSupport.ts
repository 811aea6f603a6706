import { execFile } from 'node:child_process';
import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';
import { promisify } from 'node:util';
import { type ConsumeMessage, connect } from 'amqplib';
import { DEFAULT_AMQP_EXCHANGE } from '../domainEventMessage';

const run = promisify(execFile);

/** The RabbitMQ of this machine and of CI; `MASETRA_TEST_AMQP_URL` points elsewhere. */
export const testAmqpUrl = process.env.MASETRA_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Whether a broker answers at `url` (an AMQP handshake, not just an open port). */
export async function brokerReachable(url = testAmqpUrl): Promise<boolean> {
  try {
    const model = await connect(url, { timeout: 3000 });
    await model.close();
    return true;
  } catch {
    return false;
  }
}

export interface ReceivedMessage {
  routingKey: string;
  messageId: string | undefined;
  deliveryMode: number | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

export interface TestConsumer {
  received: ReceivedMessage[];
  /** Waits until `done` holds for what was received, or fails after `timeoutMs`. */
  until(done: (received: ReceivedMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A consumer as an integration would run one: its own queue (exclusive, gone with the
 * connection) bound to the topic exchange with `#`, so it receives every event published.
 */
export async function startTestConsumer(url = testAmqpUrl, bindingKey = '#'): Promise<TestConsumer> {
  const model = await connect(url);
  const channel = await model.createChannel();
  await channel.assertExchange(DEFAULT_AMQP_EXCHANGE, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, DEFAULT_AMQP_EXCHANGE, bindingKey);
  const received: ReceivedMessage[] = [];
  await channel.consume(
    queue,
    (message: ConsumeMessage | null) => {
      if (!message) return;
      received.push({
        routingKey: message.fields.routingKey,
        messageId: message.properties.messageId,
        deliveryMode: message.properties.deliveryMode,
        contentType: message.properties.contentType,
        body: JSON.parse(message.content.toString('utf8')),
      });
    },
    { noAck: true },
  );
  return {
    received,
    async until(done, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(received)) {
        if (Date.now() > deadline)
          throw new Error(`the consumer has ${received.length} messages, and waited enough`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => model.close(),
  };
}

/**
 * Closes the broker's side of every connection whose `connection_name` is `name`, as a broker
 * restart does (the client sees 320 CONNECTION_FORCED). Needs `rabbitmqctl` on this machine
 * (CI runs on it too, as root); returns how many it closed, or null without `rabbitmqctl`.
 */
export async function closeConnectionsNamed(name: string): Promise<number | null> {
  let listed: string;
  try {
    listed = (await run('rabbitmqctl', ['list_connections', 'pid', 'client_properties', '-q'])).stdout;
  } catch {
    return null;
  }
  const pids = listed
    .split('\n')
    .filter((line) => line.includes(`{"connection_name","${name}"}`))
    .map((line) => line.split('\t')[0] ?? '')
    .filter((pid) => pid.startsWith('<'));
  for (const pid of pids) await run('rabbitmqctl', ['close_connection', pid, 'test: broker outage']);
  return pids.length;
}

export interface TcpLink {
  /** The URL to connect through the link instead of to the broker. */
  url: string;
  /** Cuts every connection through the link, and refuses new ones until `restore`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP link in the test process between a client and the broker: cutting it is a real outage
 * of a real broker's connection, where the machine's broker may not be restarted.
 */
export async function startTcpLink(url = testAmqpUrl): Promise<TcpLink> {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connectTcp(Number(target.port || 5672), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the link has no port');
  const linked = new URL(url);
  linked.hostname = '127.0.0.1';
  linked.port = String(address.port);
  return {
    url: linked.toString(),
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
