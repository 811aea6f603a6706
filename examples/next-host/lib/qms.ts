// The Masetra QMS inside the LIMS: one kit per server process (route bundles may each load this
// module, so it lives on globalThis), migrated at start by instrumentation.ts.
import type { VerifySignerInput } from '@masetra/server-kit';
import { createPgliteStorage, createPostgresStorage, createQms } from '@masetra/server-kit';
import { checkPassword, LAB_ORG_ID, labUser, masetraRoles } from './labUsers';
import { currentSession } from './session';

// Masetra: mount the QMS (with the server-kit value import above).
function startQms() {
  const storage = process.env.DATABASE_URL
    ? createPostgresStorage({ connectionString: process.env.DATABASE_URL })
    : createPgliteStorage({ dataDir: process.env.MASETRA_DATA_DIR || undefined }); // in memory without one
  const qms = createQms({ storage, basePath: '/qms', authenticate, verifySigner });
  return { storage, qms };
}
const kit = globalThis as { northwindQms?: ReturnType<typeof startQms> };
kit.northwindQms ??= startQms();
export const { storage, qms } = kit.northwindQms;
// Masetra: end.

/** The signed-in LIMS user as a Masetra principal, its roles mapped from the LIMS's. */
async function authenticate() {
  const session = await currentSession();
  if (!session) return null;
  const { user, sessionId } = session;
  return {
    userId: user.id,
    displayName: user.name,
    orgId: LAB_ORG_ID,
    roles: masetraRoles[user.labRole],
    sessionId,
  };
}

/** Sessions in which the signer gave their user name: later signatures need only the password. */
const signedIn = new Set<string>();

/** The LIMS re-checks its own password; a session's first signature needs the user name too (21 CFR 11.200). */
async function verifySigner({ userId, sessionId = '', username, password }: VerifySignerInput) {
  if (!signedIn.has(sessionId) && !username) return { ok: false as const, code: 'username_required' };
  const signer = await checkPassword(username ?? labUser(userId)?.email ?? '', password);
  if (signer?.id !== userId) return { ok: false as const, code: 'invalid_credentials' };
  signedIn.add(sessionId);
  return { ok: true as const };
}
