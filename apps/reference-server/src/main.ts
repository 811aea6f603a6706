import type { Server } from 'node:http';
import { pino } from 'pino';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { createReferenceServer } from './createReferenceServer';
import { createStorageFromConfig } from './createStorageFromConfig';
import { claimEmbeddedDatabase } from './embeddedDatabaseLock';
import { redactSecrets } from './logging/redactSecrets';
import { seedDemoData } from './seed/seedDemoData';

/** A setting the server cannot start with ends it here, with the reason and nothing else. */
function startupRefused(error: unknown): never {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`masetra: ${error.message}\n`);
  process.exit(1);
}

let config: ServerConfig;
let releaseEmbeddedDatabase = () => {};
try {
  config = loadConfig();
  if (!config.databaseUrl) releaseEmbeddedDatabase = claimEmbeddedDatabase(config.dataDir);
} catch (error) {
  startupRefused(error);
}
const logger = redactSecrets(pino({ level: config.logLevel }));
if (config.totpKeys.length === 0) {
  logger.warn(
    'MASETRA_TOTP_KEY is not set: TOTP secrets are sealed with a key derived from MASETRA_JWT_SECRET. Set MASETRA_TOTP_KEY (kid:base64) to give them a key of their own.',
  );
}
const storage = createStorageFromConfig(config);

const server = await createReferenceServer({
  storage,
  jwtSecret: config.jwtSecret,
  totpKeys: config.totpKeys,
  trustProxy: config.trustProxy,
  redisUrl: config.redisUrl,
  // Every domain event to RabbitMQ too, when MASETRA_AMQP_URL is set.
  amqpUrl: config.amqpUrl,
  // Webhooks to loopback and private addresses only when MASETRA_WEBHOOKS_ALLOW_PRIVATE=true.
  webhooks: { allowPrivateAddresses: config.webhooksAllowPrivate },
  dataDir: config.dataDir,
  demoDir: config.demoDir,
  auditKeyPem: process.env.MASETRA_AUDIT_KEY,
  // However active, a session ends this long after its sign-in.
  authOptions: { sessionMaxAgeSeconds: config.sessionMaxAgeSeconds },
  logger,
  // In the demo without SMTP, mail lands in the dev mailbox at /mailbox.
  mail: {
    publicUrl: config.publicUrl,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    devMailbox: config.seed === 'demo',
  },
});
// Only on request (`pnpm start` asks): the demo accounts' password is published.
if (config.seed === 'demo' && (await seedDemoData(server))) {
  logger.info('seeded the demo organizations, users and records');
} else if (!(await storage.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst())) {
  logger.info(
    'no organization yet: create the first one and its administrator with `masetra create-org --name <name> --admin-email <e-mail>`',
  );
}

const stopBackgroundWork = server.startBackgroundWork();

const http: Server = server.app.listen(config.port, config.host, () => {
  logger.info(
    { port: config.port, database: config.databaseUrl ? 'postgres' : `pglite:${config.dataDir}` },
    `Masetra QMS on http://localhost:${config.port}`,
  );
});
// Longer than a proxy's idle timeout, so a kept-alive connection is not cut mid-request.
http.keepAliveTimeout = 65_000;

let stopping = false;
/**
 * Stops taking connections, lets the requests in flight finish (each write is one
 * transaction, so nothing is half-written either way), then closes the database.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const forced = setTimeout(() => {
    logger.error('in-flight requests did not finish in 10 s; exiting');
    process.exit(1);
  }, 10_000);
  forced.unref();
  await new Promise<void>((resolve) => {
    http.close(() => resolve());
    // A kept-alive connection goes idle once its request is answered; close it then, rather
    // than wait out the keep-alive timeout.
    const sweep = setInterval(() => http.closeIdleConnections(), 50);
    sweep.unref();
    http.closeIdleConnections();
  });
  await stopBackgroundWork();
  await server.rateLimits.close();
  await storage.close();
  releaseEmbeddedDatabase();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
