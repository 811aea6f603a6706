// Runs once when the Next.js server starts, before it answers a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Masetra: migrate at start (additive and idempotent).
  const { builtInRegistry } = await import('@masetra/core');
  const { storage } = await import('./lib/qms');
  await storage.migrate(builtInRegistry);
  // Masetra: end.
}
