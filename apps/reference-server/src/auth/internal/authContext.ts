import type { AuthDb } from '../authDatabase';
import type { PasswordHashingOptions } from '../passwordHashingOptions';
import type { PasswordPolicy } from '../passwordPolicy';
import type { SecurityEvent, SecurityEventListener } from '../securityEvent';
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
  setupLinkTtlSeconds: number;
  totpIssuer: string;
  /** Seals TOTP secrets at rest (totpSecretBox.ts). */
  totpKey: Buffer;
  decoyHash: () => Promise<string>;
  onSecurityEvent: SecurityEventListener | undefined;
}

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
