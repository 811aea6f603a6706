/**
 * Recovery codes: ten single-use codes, shown once at enrolment, each good once at login in
 * place of a TOTP code (a lost phone). 60 random bits each, so a SHA-256 of the code is as
 * safe to store as an argon2 hash would be, and lets the login find it in one indexed query.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AuthDatabase } from '../authDatabase';
import type { AuthContext } from './authContext';
import { uuidv7 } from './uuidv7';

export const RECOVERY_CODE_COUNT = 10;

// Crockford's base32: no I, L, O or U, so a code read off paper is typed back right.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A new code, `XXXX-XXXX-XXXX`: 12 characters of 5 bits. */
export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group++) {
    let text = '';
    for (let i = 0; i < GROUP_LENGTH; i++) text += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(text);
  }
  return groups.join('-');
}

/** The code as typed, in any case, with or without dashes and spaces; O and I read as 0 and 1. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(`masetra-recovery:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}

/** Replaces every code of the user with ten new ones, in `trx`, and returns them: the only time they exist in clear. */
export async function replaceRecoveryCodes(
  trx: Transaction<AuthDatabase>,
  userId: string,
  now: Date,
): Promise<string[]> {
  await trx.deleteFrom('auth_recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await trx
    .insertInto('auth_recovery_codes')
    .values(
      codes.map((code) => ({
        id: uuidv7(),
        user_id: userId,
        code_hash: hashRecoveryCode(code),
        created_at: now,
        used_at: null,
      })),
    )
    .execute();
  return codes;
}

/**
 * Spends one code of the user, in one conditional update, so two requests racing with the same
 * code cannot both pass. Returns the number left, or undefined when the code is unknown or used.
 */
export async function consumeRecoveryCode(
  ctx: AuthContext,
  userId: string,
  code: string,
): Promise<number | undefined> {
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== GROUPS * GROUP_LENGTH) return undefined;
  const at = ctx.clock();
  // The code is spent together with the trail entry that records its use, or not at all.
  return ctx.db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('auth_recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hashRecoveryCode(normalized))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (spent.numUpdatedRows === 0n) return undefined;
    const remaining = await countUnused(trx, userId);
    await ctx.onRecoveryCodeUsed?.(trx, { userId, remaining, at });
    return remaining;
  });
}

async function countUnused(
  db: AuthContext['db'] | Transaction<AuthDatabase>,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom('auth_recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function remainingRecoveryCodes(ctx: AuthContext, userId: string): Promise<number> {
  return countUnused(ctx.db, userId);
}
