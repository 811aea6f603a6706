import { AuthError } from './authError';
import type { InTransaction } from './inTransaction';
import type { AuthContext } from './internal/authContext';
import { newCredentialRow } from './internal/newCredentialRow';
import { assertPasswordLength } from './internal/passwordChange';
import { hashPassword } from './internal/passwordHashing';

export interface CreateCredentialsOptions {
  /**
   * Whether the user must replace this password before logging in or signing. True by default:
   * whoever creates the account knows the password (PART11 18). A seed of demo users passes false.
   */
  mustChangePassword?: boolean;
  /**
   * The host's writes that must commit with the credentials: the user's creation and its
   * audit-trail entry. Runs first in the transaction, so it may create the user.
   */
  inTransaction?: InTransaction;
}

/**
 * Gives an existing user (a row of server-kit's `users`) their first password.
 * Refuses with `password_too_short`, `password_too_long`, `user_not_found` or `credentials_exist`.
 *
 * @example
 * ```ts
 * await auth.createCredentials(user.id, 'correct horse battery', { mustChangePassword: false });
 * ```
 */
export async function createCredentials(
  ctx: AuthContext,
  userId: string,
  password: string,
  options: CreateCredentialsOptions = {},
): Promise<void> {
  assertPasswordLength(ctx, password);
  const passwordHash = await hashPassword(password, ctx.hashing);
  await ctx.db.transaction().execute(async (trx) => {
    await options.inTransaction?.(trx);
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new AuthError('user_not_found');
    const inserted = await trx
      .insertInto('auth_credentials')
      .values(newCredentialRow(userId, passwordHash, ctx.clock(), options.mustChangePassword ?? true))
      .onConflict((oc) => oc.column('user_id').doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 0n) throw new AuthError('credentials_exist');
  });
}
