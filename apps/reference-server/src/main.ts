import type { Server } from 'node:http';
import { pino } from 'pino';
import { loadConfig } from './config';
import { createReferenceServer } from './createReferenceServer';
import { createStorageFromConfig } from './createStorageFromConfig';
import { seedDemoData } from './seed/seedDemoData';

const config = loadConfig();
const logger = pino({ level: config.logLevel });
const storage = createStorageFromConfig(config);

const server = await createReferenceServer({
  storage,
  jwtSecret: config.jwtSecret,
  dataDir: config.dataDir,
  demoDir: config.demoDir,
  logger,
});
if (config.seedDemoData && (await seedDemoData(server))) {
  logger.info('seeded the demo organizations, users and records');
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
  await storage.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
