import { OTP_PATTERN } from '@masetra/core';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Account } from './accounts';
import type { AuthContext } from './authContext';
import { openTotpSecret } from './totpSecretBox';

/** One step either side: phone clocks drift, and a code typed at the end of its 30 s is still fair. */
const EPOCH_TOLERANCE_SECONDS = 30;

export function generateTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, issuer: string, accountEmail: string): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

/**
 * The time step the code belongs to, or undefined when it is wrong. A code at or before
 * `lastTimeStep` was already used and is refused, so an observed code cannot be replayed.
 */
export async function verifyTotpCode(
  secret: string,
  code: string,
  now: Date,
  lastTimeStep: number | null,
): Promise<number | undefined> {
  const token = code.replace(/\s/g, '');
  if (!OTP_PATTERN.test(token)) return undefined;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the code of an enrolled account and marks its time step used, in one conditional
 * update, so two requests racing with the same code cannot both pass.
 */
export async function consumeTotpCode(ctx: AuthContext, account: Account, code: string): Promise<boolean> {
  if (account.totpSecret === null) return false;
  let secret: string;
  try {
    secret = openTotpSecret(ctx.totpKey, account.userId, account.totpSecret);
  } catch {
    // A sealed secret that does not open was altered or moved: no code can match it.
    return false;
  }
  const step = await verifyTotpCode(secret, code, ctx.clock(), account.totpLastTimeStep);
  if (step === undefined) return false;
  const marked = await ctx.db
    .updateTable('auth_credentials')
    .set({ totp_last_time_step: step })
    .where('user_id', '=', account.userId)
    .where((eb) => eb.or([eb('totp_last_time_step', 'is', null), eb('totp_last_time_step', '<', step)]))
    .executeTakeFirst();
  return marked.numUpdatedRows > 0n;
}
