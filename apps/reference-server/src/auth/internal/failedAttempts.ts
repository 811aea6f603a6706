/**
 * The lockout of PART11 24, shared by login, password change and signing: repeated failures lock
 * the account and alert security, without letting anyone lock its owner out for good.
 *
 * Failures are counted per account *and* client address (`auth_login_throttle`): the address
 * that guessed wrong `maxFailedAttempts` times in a row is locked out of the account for
 * `lockoutMinutes`, each further lock of the same pair twice as long (up to `maxLockoutMinutes`),
 * while the owner signs in from their own address as before. Across all addresses the account
 * keeps a ceiling (`maxFailedAttemptsPerAccount`, on `auth_credentials`): past it, the account is
 * locked for every address it was never signed in from, which slows guessing from many
 * addresses and still lets the owner in from where they work.
 *
 * An attempt is reserved (counted as failed) before the slow password check and settled after
 * it, so many guesses sent at once cannot all pass the lock check before the first is counted,
 * and no row lock is held during argon2 (PGlite has a single connection).
 */
import type { ExpressionBuilder } from 'kysely';
import type { AuthDatabase } from '../authDatabase';
import type { AuthContext } from './authContext';
import { addMinutes, emitSecurityEvent } from './authContext';

/** Where attempts come from when the caller names no address (a signature, the host's own code). */
export const UNKNOWN_SOURCE = '';

/** One address's lock of an account, or the account-wide one: what the owner is told by e-mail. */
export interface LockoutNotice {
  userId: string;
  /** The client address, or null for the account-wide lock (and for an unknown address). */
  source: string | null;
  scope: 'address' | 'account';
  until: Date;
  at: Date;
}

/**
 * Counts one attempt in advance. Undefined when the account is locked for this address (or its
 * attempts are all in flight), or locked account-wide and this address never signed in.
 */
export async function reserveAttempt(
  ctx: AuthContext,
  userId: string,
  source: string = UNKNOWN_SOURCE,
): Promise<number | undefined> {
  const now = ctx.clock();
  // One statement, as cheap as the unknown e-mail's path allows: a first attempt from an address
  // inserts its row (unless the account is locked account-wide), a later one counts on it if
  // the address is not locked.
  const lockedAccountWide = (eb: ExpressionBuilder<AuthDatabase, 'auth_login_throttle'>) =>
    eb.exists(
      eb
        .selectFrom('auth_credentials')
        .select('auth_credentials.user_id')
        .where('auth_credentials.user_id', '=', userId)
        .where('auth_credentials.locked_until', '>', now),
    );
  const row = await ctx.db
    .insertInto('auth_login_throttle')
    .columns(['user_id', 'source', 'failed_attempts'])
    .expression(
      ctx.db
        .selectNoFrom((eb) => [
          eb.val(userId).as('user_id'),
          eb.val(source).as('source'),
          eb.lit(1).as('failed_attempts'),
        ])
        // A row to insert, or to conflict with: unless the account is locked account-wide and
        // this address never signed in (then nothing happens and no row comes back).
        .where((eb) =>
          eb.or([
            eb.not(
              eb.exists(
                eb
                  .selectFrom('auth_credentials')
                  .select('auth_credentials.user_id')
                  .where('auth_credentials.user_id', '=', userId)
                  .where('auth_credentials.locked_until', '>', now),
              ),
            ),
            eb.exists(
              eb
                .selectFrom('auth_login_throttle')
                .select('auth_login_throttle.user_id')
                .where('auth_login_throttle.user_id', '=', userId)
                .where('auth_login_throttle.source', '=', source)
                .where('auth_login_throttle.last_success_at', 'is not', null),
            ),
          ]),
        ),
    )
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'source'])
        .doUpdateSet((eb) => ({ failed_attempts: eb('auth_login_throttle.failed_attempts', '+', 1) }))
        .where((eb) =>
          eb.and([
            eb.or([
              eb('auth_login_throttle.locked_until', 'is', null),
              eb('auth_login_throttle.locked_until', '<=', now),
            ]),
            eb('auth_login_throttle.failed_attempts', '<', ctx.policy.maxFailedAttempts),
            eb.or([eb('auth_login_throttle.last_success_at', 'is not', null), eb.not(lockedAccountWide(eb))]),
          ]),
        ),
    )
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts;
}

/**
 * The database work of a counted failure, for an e-mail that belongs to no one: it touches no
 * row, but takes the round trips a known account's failure takes, so timing does not tell the
 * two apart (as the decoy hash does for argon2).
 */
export async function decoyFailedAttempt(ctx: AuthContext, source: string = UNKNOWN_SOURCE): Promise<void> {
  await ctx.db
    .updateTable('auth_login_throttle')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('user_id', '=', '')
    .where('source', '=', source)
    .returning('failed_attempts')
    .executeTakeFirst();
  await ctx.db
    .updateTable('auth_credentials')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('user_id', '=', '')
    .returning('failed_attempts')
    .executeTakeFirst();
}

/**
 * The reserved attempt failed: it stays counted, toward the address's lock and the account's
 * ceiling. The lock is written together with the owner's notice (`lockoutNotice`, an e-mail
 * through the outbox), then security is told.
 */
export async function settleFailedAttempt(
  ctx: AuthContext,
  userId: string,
  reservedCount: number,
  source: string = UNKNOWN_SOURCE,
): Promise<{ locked: boolean }> {
  const at = ctx.clock();
  const notices: LockoutNotice[] = [];
  const account = await ctx.db
    .updateTable('auth_credentials')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('user_id', '=', userId)
    .returning('failed_attempts')
    .executeTakeFirst();
  const lockAccount = !!account && account.failed_attempts >= ctx.policy.maxFailedAttemptsPerAccount;
  const lockAddress = reservedCount >= ctx.policy.maxFailedAttempts;
  // The common case, one statement: counted, nothing locks.
  if (!lockAccount && !lockAddress) return { locked: false };
  await ctx.db.transaction().execute(async (trx) => {
    if (lockAccount) {
      const until = addMinutes(at, ctx.policy.lockoutMinutes);
      await trx
        .updateTable('auth_credentials')
        .set({ locked_until: until, failed_attempts: 0 })
        .where('user_id', '=', userId)
        .execute();
      notices.push({ userId, source: null, scope: 'account', until, at });
    }
    if (lockAddress) {
      const pair = await trx
        .selectFrom('auth_login_throttle')
        .select('lockouts')
        .where('user_id', '=', userId)
        .where('source', '=', source)
        .executeTakeFirst();
      const lockouts = pair?.lockouts ?? 0;
      const minutes = Math.min(ctx.policy.lockoutMinutes * 2 ** lockouts, ctx.policy.maxLockoutMinutes);
      const until = addMinutes(at, minutes);
      await trx
        .updateTable('auth_login_throttle')
        .set({ locked_until: until, failed_attempts: 0, lockouts: lockouts + 1 })
        .where('user_id', '=', userId)
        .where('source', '=', source)
        .execute();
      notices.push({
        userId,
        source: source === UNKNOWN_SOURCE ? null : source,
        scope: 'address',
        until,
        at,
      });
    }
    for (const notice of notices) await ctx.lockoutNotice?.(trx, notice);
  });
  for (const { userId: lockedUser, source: lockedSource, scope, until } of notices) {
    await emitSecurityEvent(ctx, {
      type: 'account.locked',
      userId: lockedUser,
      until,
      scope,
      source: lockedSource,
      at,
    });
  }
  return {
    locked: notices.some((notice) => notice.scope === 'address') || (await isLockedFor(ctx, userId, source)),
  };
}

/** Whether the account-wide lock now keeps this address out. */
async function isLockedFor(ctx: AuthContext, userId: string, source: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('auth_credentials')
    .leftJoin('auth_login_throttle', (join) =>
      join
        .onRef('auth_login_throttle.user_id', '=', 'auth_credentials.user_id')
        .on('auth_login_throttle.source', '=', source),
    )
    .select([
      'auth_credentials.locked_until as lockedUntil',
      'auth_login_throttle.last_success_at as lastSuccessAt',
    ])
    .where('auth_credentials.user_id', '=', userId)
    .executeTakeFirst();
  return !!row?.lockedUntil && row.lockedUntil > ctx.clock() && !row.lastSuccessAt;
}

/**
 * The attempt neither failed nor completed (say, the password was right but a TOTP code is
 * still due): it is uncounted, but earlier failures stay, or a stolen password would let
 * an attacker guess codes for ever.
 */
export async function releaseAttempt(
  ctx: AuthContext,
  userId: string,
  source: string = UNKNOWN_SOURCE,
): Promise<void> {
  await ctx.db
    .updateTable('auth_login_throttle')
    .set((eb) => ({
      failed_attempts: eb.fn<number>('greatest', [eb('failed_attempts', '-', 1), eb.lit(0)]),
    }))
    .where('user_id', '=', userId)
    .where('source', '=', source)
    .execute();
}

/**
 * A complete success ends the address's run of failures and its doubling, and marks the address
 * as one the owner signs in from (the account-wide lock does not keep it out). The account-wide
 * count starts again; an account-wide lock stays for the other addresses until it ends.
 */
export async function clearFailedAttempts(
  ctx: AuthContext,
  userId: string,
  source: string = UNKNOWN_SOURCE,
): Promise<void> {
  await ctx.db
    .updateTable('auth_login_throttle')
    .set({ failed_attempts: 0, locked_until: null, lockouts: 0, last_success_at: ctx.clock() })
    .where('user_id', '=', userId)
    .where('source', '=', source)
    .execute();
  await ctx.db
    .updateTable('auth_credentials')
    .set({ failed_attempts: 0 })
    .where('user_id', '=', userId)
    .execute();
}

/** A new password starts every count afresh (called in the transaction that stores it). */
export async function clearAllFailedAttempts(
  db: Pick<AuthContext['db'], 'updateTable'>,
  userId: string,
): Promise<void> {
  await db
    .updateTable('auth_login_throttle')
    .set({ failed_attempts: 0, locked_until: null, lockouts: 0 })
    .where('user_id', '=', userId)
    .execute();
}
