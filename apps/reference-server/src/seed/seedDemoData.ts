import { builtInRegistry } from '@masetra/core';
import { runScheduledTransitions } from '@masetra/server-kit';
import type { ReferenceServer } from '../createReferenceServer';
import { DEMO_PASSWORD, type DemoUserKey, demoOrganizations, demoUsers } from './demoUsers';
import { createSeedApi, type SeedApi } from './seedApi';
import { seedAudits } from './seedAudits';
import { seedCapas } from './seedCapas';
import { seedDeviations } from './seedDeviations';
import { seedDocuments } from './seedDocuments';
import { seedLinks } from './seedLinks';
import { seedOverdueTrainingDocument, seedTraining, seedTrainingSettings } from './seedTraining';

export { DEMO_PASSWORD } from './demoUsers';

export type SeedActors = Record<DemoUserKey, SeedApi>;

/**
 * On first start with an empty database: the demo organizations, one user per role, and
 * records in every state of every lifecycle, created through the API as those users, so
 * the audit trail and the signatures are real. Returns false when data already exists.
 */
export async function seedDemoData(
  server: Pick<ReferenceServer, 'storage' | 'auth' | 'users' | 'qms'>,
  now = new Date(),
): Promise<boolean> {
  const existing = await server.storage.db.selectFrom('organizations').select('id').limit(1).execute();
  if (existing.length > 0) return false;

  const orgIds: Record<string, string> = {};
  for (const [key, name] of Object.entries(demoOrganizations)) {
    orgIds[key] = (await server.users.createOrganization(name)).id;
  }
  const actors = {} as SeedActors;
  for (const user of demoUsers) {
    const created = await server.users.createUser({ ...user, orgId: orgIds[user.org] as string });
    await server.auth.createCredentials(created.id, DEMO_PASSWORD, { mustChangePassword: false });
    const session = await server.auth.login({ email: user.email, password: DEMO_PASSWORD });
    actors[user.key] = createSeedApi(server.qms, session.accessToken, user.email);
  }
  const ids = Object.fromEntries(
    await Promise.all(
      demoUsers.map(async (user) => [user.key, (await server.users.findUserByEmail(user.email))?.id]),
    ),
  ) as Record<DemoUserKey, string>;

  const capas = await seedCapas(actors, ids, now);
  await seedDeviations(actors, ids, now, capas);
  const sweep = () =>
    runScheduledTransitions({
      storage: server.storage,
      registry: builtInRegistry,
      orgIds: Object.values(orgIds),
      now,
    });
  // Who must be trained, before any version becomes effective and gives out its training.
  await seedTrainingSettings(actors);
  await seedDocuments(actors, now, sweep);
  await seedLinks(actors, capas);
  await seedOverdueTrainingDocument(actors, now);
  await seedAudits(actors, ids, now, capas);
  // Globex has a record of its own, which Acme's users must never see.
  await actors.globexQa.create('deviations', {
    title: 'Incubator 4 humidity out of range',
    description: 'Relative humidity logged at 88 % for two hours.',
    area: 'Microbiology lab',
    severity: 'minor',
    occurredAt: new Date(now.getTime() - 3 * 86_400_000).toISOString(),
  });
  // Documents whose effective date has come become effective, as the scheduler does it.
  await runScheduledTransitions({
    storage: server.storage,
    registry: builtInRegistry,
    orgIds: Object.values(orgIds),
    now,
  });
  await seedTraining(actors);
  return true;
}
