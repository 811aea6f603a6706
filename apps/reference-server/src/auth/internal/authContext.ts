import type { Transaction } from 'kysely';
import type { AuthDatabase, AuthDb } from '../authDatabase';
import type { PasswordHashingOptions } from '../passwordHashingOptions';
import type { PasswordPolicy } from '../passwordPolicy';
import type { SecurityEvent, SecurityEventListener } from '../securityEvent';
import type { LockoutNotice } from './failedAttempts';
import type { TotpKeyRing } from './totpSecretBox';
import { uuidv7 } from './uuidv7';

/** What every operation of the service needs; built once by `createAuthService`. */
export interface AuthContext {
  db: AuthDb;
  jwtSecret: Uint8Array;
  clock: () => Date;
  policy: PasswordPolicy;
  hashing: PasswordHashingOptions;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** A session's absolute lifetime from its login, however active it is. */
  sessionMaxAgeSeconds: number;
  /** The roles that sign (a policy of `signers` requires their second factor). */
  signingRoles: readonly string[];
  setupLinkTtlSeconds: number;
  totpIssuer: string;
  /** Seals TOTP secrets at rest (totpSecretBox.ts): the current key and every key that still opens. */
  totpKey: TotpKeyRing;
  /** Tells an account's owner of a lock (an e-mail), in the transaction that writes it. */
  lockoutNotice: ((trx: Transaction<AuthDatabase>, notice: LockoutNotice) => Promise<void>) | undefined;
  decoyHash: () => Promise<string>;
  onSecurityEvent: SecurityEventListener | undefined;
  /** The host's audit-trail entry when a recovery code opens a login, in the transaction that spends it. */
  onRecoveryCodeUsed: RecoveryCodeUsedHook | undefined;
}

/** Writes what the host records of a spent recovery code, inside the transaction that spends it. */
export type RecoveryCodeUsedHook = (
  trx: Transaction<AuthDatabase>,
  used: { userId: string; remaining: number; at: Date },
) => Promise<void>;

/**
 * Stores the event, then tells the host. Never inside a transaction: PGlite has one connection,
 * and a security event must survive the rollback of the attempt it reports.
 */
export async function emitSecurityEvent(ctx: AuthContext, event: SecurityEvent): Promise<void> {
  const { type, at, ...rest } = event;
  const { userId, ...details } = rest as typeof rest & { userId?: string | null };
  await ctx.db
    .insertInto('auth_security_events')
    .values({
      id: uuidv7(),
      type,
      user_id: userId ?? null,
      occurred_at: at,
      details: JSON.stringify(details),
    })
    .execute();
  try {
    ctx.onSecurityEvent?.(event);
  } catch {
    // A failing alert hook must not turn a refused login into a crash; the event is stored.
  }
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

export function addMinutes(date: Date, minutes: number): Date {
  return addSeconds(date, minutes * 60);
}
