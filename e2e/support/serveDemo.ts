// Starts the demo server of the browser tests on its own, for looking at pages by hand:
// `npx tsx e2e/support/serveDemo.ts` prints the address; Ctrl-C stops it.
import { startDemoServer } from './referenceServer';

const server = await startDemoServer();
console.log(`Masetra demo on ${server.origin} (fresh database; password Masetra-demo-1)`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
