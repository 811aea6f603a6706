import { findAccountById, rolesOf } from './internal/accounts';
import type { AuthContext } from './internal/authContext';

/** The signed-in user as login, refresh and `/me` show them. */
export interface AuthUser {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  roles: string[];
  /** A TOTP authenticator is confirmed: login and signing ask for a code. */
  mfaEnrolled: boolean;
  /**
   * An administrator reset the password. Login refuses such an account
   * (`password_change_required`), so a signed-in user sees this only when read by someone else.
   */
  mustChangePassword: boolean;
}

/** One user as {@link AuthUser}, or null when they have no credentials. */
export async function getUser(ctx: AuthContext, userId: string): Promise<AuthUser | null> {
  const account = await findAccountById(ctx.db, userId);
  if (!account) return null;
  return {
    id: account.userId,
    orgId: account.orgId,
    email: account.email,
    displayName: account.displayName,
    roles: await rolesOf(ctx.db, userId),
    mfaEnrolled: account.totpSecret !== null,
    mustChangePassword: account.mustChangePassword,
  };
}
