/**
 * A real database and a service with a movable clock, for the auth tests: server-kit's
 * migrated test storage (PGlite, or PostgreSQL when TEST_DATABASE_URL is set) plus migrateAuth.
 */

import { randomBytes } from 'node:crypto';
import { createRegistry } from '@masetra/core';
import type { Storage } from '../../../../../packages/server-kit/src/storage/storage';
import { createTestStorage } from '../../../../../packages/server-kit/src/testing';
import type { AuthService, AuthServiceOptions } from '../createAuthService';
import { createAuthService } from '../createAuthService';
import { migrateAuth } from '../migrateAuth';
import type { SecurityEvent } from '../securityEvent';

export interface ManualClock {
  now: () => Date;
  advance(duration: { days?: number; minutes?: number; seconds?: number }): void;
}

export function createManualClock(start = new Date('2026-03-02T09:00:00.000Z')): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance({ days = 0, minutes = 0, seconds = 0 }) {
      current += ((days * 24 * 60 + minutes) * 60 + seconds) * 1000;
    },
  };
}

// argon2id's cheapest settings: the tests check behaviour, not hashing cost.
const LIGHT_HASHING = { memoryCost: 64, timeCost: 1, parallelism: 1 };

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

type HarnessOptions = Pick<
  AuthServiceOptions<unknown>,
  | 'policy'
  | 'passwordHashing'
  | 'accessTokenTtlSeconds'
  | 'refreshTokenTtlSeconds'
  | 'totpIssuer'
  | 'totpKeys'
  | 'lockoutNotice'
>;

export interface AuthHarness {
  storage: Storage;
  db: Storage['db'];
  /** The service under test, with the default policy (unless the harness was given one). */
  auth: AuthService;
  service(overrides?: HarnessOptions): AuthService;
  clock: ManualClock;
  /** Every security event any of the harness's services emitted, in order. */
  events: SecurityEvent[];
  eventsOf(type: SecurityEvent['type'], userId?: string): SecurityEvent[];
  jwtSecret: Uint8Array;
  orgId: string;
  createUser(init?: {
    roles?: string[];
    password?: string;
    mustChangePassword?: boolean;
    /** The service whose hashing creates the credentials. */
    by?: AuthService;
  }): Promise<TestUser>;
  close(): Promise<void>;
}

export async function createAuthHarness(options: HarnessOptions = {}): Promise<AuthHarness> {
  // No record types: their tables are not ours to test, and creating them dominates the setup.
  const storage = await createTestStorage({ registry: createRegistry({}) });
  await migrateAuth(storage.db);
  const clock = createManualClock();
  const events: SecurityEvent[] = [];
  const jwtSecret = new Uint8Array(randomBytes(32));
  /** A service on the same database, clock and event list, with other options (a stricter policy, say). */
  function service(overrides: HarnessOptions = {}): AuthService {
    return createAuthService({
      passwordHashing: LIGHT_HASHING,
      ...options,
      ...overrides,
      db: storage.db,
      jwtSecret,
      clock: clock.now,
      onSecurityEvent: (event) => events.push(event),
    });
  }
  const auth = service();
  const orgId = 'org-test';
  await storage.db.insertInto('organizations').values({ id: orgId, name: 'Test Org' }).execute();
  let userCount = 0;

  /** A user in server-kit's tables with credentials, able to log in unless told otherwise. */
  const createUser: AuthHarness['createUser'] = async (init = {}) => {
    userCount += 1;
    const user: TestUser = {
      id: `user-${userCount}-${randomBytes(4).toString('hex')}`,
      email: `user${userCount}.${randomBytes(3).toString('hex')}@example.com`,
      password: init.password ?? `correct horse battery ${userCount}`,
      displayName: `Test User ${userCount}`,
    };
    await storage.db
      .insertInto('users')
      .values({ id: user.id, org_id: orgId, email: user.email, display_name: user.displayName })
      .execute();
    for (const role of init.roles ?? ['originator']) {
      await storage.db.insertInto('user_roles').values({ user_id: user.id, role }).execute();
    }
    await (init.by ?? auth).createCredentials(user.id, user.password, {
      mustChangePassword: init.mustChangePassword ?? false,
    });
    return user;
  };

  function eventsOf(type: SecurityEvent['type'], userId?: string): SecurityEvent[] {
    return events.filter((event) => event.type === type && (userId === undefined || event.userId === userId));
  }

  return {
    storage,
    db: storage.db,
    auth,
    service,
    clock,
    events,
    eventsOf,
    jwtSecret,
    orgId,
    createUser,
    close: () => storage.close(),
  };
}
