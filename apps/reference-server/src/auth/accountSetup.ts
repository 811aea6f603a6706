/**
 * Single-use set-up links (PART11 18): a person chooses their own password with a token that
 * only they received, so no administrator ever knows it. Only the token's hash is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AuthDatabase } from './authDatabase';
import { AuthError } from './authError';
import { findAccountById } from './internal/accounts';
import type { AuthContext } from './internal/authContext';
import { addSeconds, emitSecurityEvent } from './internal/authContext';
import { newCredentialRow } from './internal/newCredentialRow';
import { assertPasswordLength, isRecentlyUsed, replacePassword } from './internal/passwordChange';
import { hashPassword } from './internal/passwordHashing';
import { revokeUserSessions, type SessionClient, startSession } from './internal/sessions';
import { consumeTotpCode } from './internal/totp';
import { uuidv7 } from './internal/uuidv7';
import type { LoginResult } from './login';

export interface SetupLinkToken {
  /** Goes into the link and nowhere else: not stored, not logged. */
  token: string;
  expiresAt: Date;
}

export interface IssueSetupTokenOptions {
  /** Who issues it: an administrator's user id, or `system` for the command line. */
  actorId: string;
  /** How long the link stays good; the service's `setupLinkTtlSeconds` when left out (resets pass 30 minutes). */
  ttlSeconds?: number;
  /**
   * An administrator's reset: the user's current password and every session end in the same
   * transaction, so whoever knew the password (or holds a session) cannot act as them meanwhile.
   */
  revokeCurrentPassword?: boolean;
  /** Why, for the security event of a revoked password. */
  reason?: string | null;
  /**
   * The host's writes that must commit with the token: the user's creation, its audit-trail
   * entry, the e-mail carrying the link (into the outbox). Runs first in the transaction, so it
   * may create the user the token is for.
   */
  inTransaction?: (trx: Transaction<AuthDatabase>, issued: SetupLinkToken) => Promise<void>;
}

/** Stands where a revoked password was: no password verifies against a string that is no argon2 hash. */
const REVOKED_PASSWORD_HASH = '!revoked';

export interface SetUpAccountInput {
  token: string;
  newPassword: string;
  /** The device and address the account page shows for the session it opens. */
  client?: SessionClient;
  /** The authenticator's code, when the account has one. */
  otp?: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a set-up token for a user; any earlier unused one of theirs stops working.
 *
 * @example
 * ```ts
 * const { token } = await auth.issueSetupToken(user.id, { actorId: 'system' });
 * console.log(`${publicUrl}/setup#token=${token}`);
 * ```
 */
export async function issueSetupToken(
  ctx: AuthContext,
  userId: string,
  options: IssueSetupTokenOptions,
): Promise<SetupLinkToken> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock();
  const expiresAt = addSeconds(now, options.ttlSeconds ?? ctx.setupLinkTtlSeconds);
  const account = options.revokeCurrentPassword ? await findAccountById(ctx.db, userId) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    await options.inTransaction?.(trx, { token, expiresAt });
    if (options.revokeCurrentPassword) {
      if (account) await replacePassword(ctx, trx, account, REVOKED_PASSWORD_HASH, true);
      await revokeUserSessions(trx, userId, 'password_reset', now);
    }
    await trx
      .updateTable('auth_setup_tokens')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('auth_setup_tokens')
      .values({
        id: uuidv7(),
        user_id: userId,
        token_hash: hashToken(token),
        created_at: now,
        created_by: options.actorId,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
  });
  if (options.revokeCurrentPassword) {
    await emitSecurityEvent(ctx, {
      type: 'password.revoked',
      userId,
      actorId: options.actorId,
      reason: options.reason ?? null,
      at: now,
    });
  }
  await emitSecurityEvent(ctx, {
    type: 'setup_link.issued',
    userId,
    actorId: options.actorId,
    expiresAt,
    at: now,
  });
  return { token, expiresAt };
}

/** The user a token is good for now, or none: unknown, used, expired, or the user was deactivated. */
async function pendingSetup(ctx: AuthContext, tokenHash: string, now: Date) {
  return ctx.db
    .selectFrom('auth_setup_tokens')
    .innerJoin('users', 'users.id', 'auth_setup_tokens.user_id')
    .select('auth_setup_tokens.user_id as userId')
    .where('auth_setup_tokens.token_hash', '=', tokenHash)
    .where('auth_setup_tokens.used_at', 'is', null)
    .where('auth_setup_tokens.expires_at', '>', now)
    .where('users.active', '=', true)
    .executeTakeFirst();
}

/** Spends the token, in the transaction that sets the password: of two uses at once, one wins. */
async function claimToken(trx: Transaction<AuthDatabase>, tokenHash: string, now: Date): Promise<void> {
  const claimed = await trx
    .updateTable('auth_setup_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) throw new AuthError('setup_link_invalid');
}

/**
 * Sets the password the token's holder chose, under the password policy, spends the token and
 * signs them in. Refuses with `setup_link_invalid` (unknown, used or expired), or a policy code.
 * `inTransaction` receives the user's id, for the host's audit-trail entry.
 */
export async function setUpAccount(
  ctx: AuthContext,
  input: SetUpAccountInput,
  inTransaction?: (trx: Transaction<AuthDatabase>, userId: string) => Promise<void>,
): Promise<LoginResult> {
  assertPasswordLength(ctx, input.newPassword);
  const tokenHash = hashToken(input.token);
  const pending = await pendingSetup(ctx, tokenHash, ctx.clock());
  if (!pending) throw new AuthError('setup_link_invalid');
  const { userId } = pending;
  // A link may also replace a password (a user who never set one up, or forgot it).
  const account = await findAccountById(ctx.db, userId);
  // A link proves the mailbox only: an account with an authenticator needs its code too, or
  // whoever reads the mail would get a session without the second factor. The token stays good.
  if (account?.totpSecret) {
    if (!input.otp) throw new AuthError('otp_required');
    if (!(await consumeTotpCode(ctx, account, input.otp))) throw new AuthError('invalid_otp');
  }
  if (account && (await isRecentlyUsed(ctx, account, input.newPassword)))
    throw new AuthError('password_reused');

  const passwordHash = await hashPassword(input.newPassword, ctx.hashing);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await claimToken(trx, tokenHash, now);
    if (account) {
      await replacePassword(ctx, trx, account, passwordHash, false);
      await revokeUserSessions(trx, userId, 'password_changed', now);
    } else {
      await trx
        .insertInto('auth_credentials')
        .values(newCredentialRow(userId, passwordHash, now, false))
        .execute();
    }
    await inTransaction?.(trx, userId);
  });
  await emitSecurityEvent(ctx, { type: 'account.set_up', userId, at: now });
  return startSession(ctx, userId, input.client);
}
