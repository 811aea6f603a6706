/**
 * Issue #12: the key that seals TOTP secrets is its own (`MASETRA_TOTP_KEY`), carries a key id,
 * and rotates: a server started with a new key first reseals every secret (those of the old key,
 * of the legacy key derived from the JWT secret, and any stored in clear), and users sign in
 * with their codes throughout.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestStorage } from '@masetra/server-kit/testing';
import { generate } from 'otplib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceServer } from '../createReferenceServer';
import { createTotpKeyRing, sealTotpSecret } from './internal/totpSecretBox';

type Storage = Awaited<ReturnType<typeof createTestStorage>>;
let storage: Storage;
let dataDir: string;
const jwtSecret = randomBytes(32);
const keyA = { kid: 'a1', key: randomBytes(32) };
const keyB = { kid: 'b2', key: randomBytes(32) };
const PASSWORD = 'Rotation-password-1';

beforeAll(async () => {
  storage = await createTestStorage();
  dataDir = await mkdtemp(join(tmpdir(), 'masetra-totp-'));
}, 60_000);
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** One start of the server over the same database, as after a configuration change and restart. */
async function start(totpKeys: { kid: string; key: Uint8Array }[]) {
  const server = await createReferenceServer({
    storage,
    jwtSecret,
    totpKeys,
    dataDir,
    logger: pino({ level: 'silent' }),
    authOptions: { passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 } },
  });
  return server;
}

async function stored(userId: string) {
  const row = await storage.db
    .selectFrom('auth_credentials' as never)
    .select(['totp_secret' as never])
    .where('user_id' as never, '=', userId as never)
    .executeTakeFirstOrThrow();
  return (row as { totp_secret: string }).totp_secret;
}

describe('TOTP key rotation', () => {
  it('seals under the current kid, reseals at start after a rotation, and keeps every code working', async () => {
    const first = await start([keyA]);
    const org = await first.users.createOrganization('Rotation Org');
    const user = await first.users.createUser({
      orgId: org.id,
      email: 'rotating@example.com',
      displayName: 'Rotating User',
      roles: ['viewer'],
    });
    await first.auth.createCredentials(user.id, PASSWORD, { mustChangePassword: false });
    const { secret } = await first.auth.beginTotpEnrolment(user.id);
    await first.auth.confirmTotpEnrolment(user.id, await generate({ secret }));
    expect(await stored(user.id)).toMatch(/^v2\.a1\./);
    await first.rateLimits.close();

    // Rotation: key B first, key A still behind it. The start reseals.
    const second = await start([keyB, keyA]);
    expect(await stored(user.id)).toMatch(/^v2\.b2\./);
    // A code opens a session: the resealed secret is the same secret.
    const otp = await generate({ secret, epoch: Date.now() / 1000 + 30 });
    await expect(second.auth.login({ email: user.email, password: PASSWORD, otp })).resolves.toMatchObject({
      user: { id: user.id },
    });
    await second.rateLimits.close();

    // Key A can go now: nothing needs it.
    const third = await start([keyB]);
    expect(await third.auth.resealTotpSecrets()).toEqual({ resealed: 0, unreadable: [] });
    await third.rateLimits.close();
  });

  it('opens and reseals a secret sealed with the legacy JWT-derived key', async () => {
    const server = await start([keyB]);
    const org = await server.users.createOrganization('Legacy Org');
    const user = await server.users.createUser({
      orgId: org.id,
      email: 'legacy@example.com',
      displayName: 'Legacy User',
      roles: ['viewer'],
    });
    await server.auth.createCredentials(user.id, PASSWORD, { mustChangePassword: false });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    // As written before MASETRA_TOTP_KEY existed.
    const legacy = sealTotpSecret(createTotpKeyRing(jwtSecret), user.id, secret);
    expect(legacy).toMatch(/^v1\./);
    await storage.db
      .updateTable('auth_credentials' as never)
      .set({ totp_secret: legacy, totp_confirmed_at: new Date() } as never)
      .where('user_id' as never, '=', user.id as never)
      .execute();
    await server.rateLimits.close();

    const restarted = await start([keyB]);
    expect(await stored(user.id)).toMatch(/^v2\.b2\./);
    const otp = await generate({ secret, epoch: Date.now() / 1000 });
    await expect(restarted.auth.login({ email: user.email, password: PASSWORD, otp })).resolves.toMatchObject(
      {
        user: { id: user.id },
      },
    );
    await restarted.rateLimits.close();
  });

  it('reports, and leaves alone, a secret whose key was dropped too early', async () => {
    const server = await start([{ kid: 'c3', key: randomBytes(32) }]);
    const result = await server.auth.resealTotpSecrets();
    expect(result.resealed).toBe(0);
    expect(result.unreadable.sort()).toHaveLength(2);
    await server.rateLimits.close();
  });
});
