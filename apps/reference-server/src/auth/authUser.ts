import type { SupportedLocale } from '@masetra/core';
import { findAccountById, rolesOf } from './internal/accounts';
import type { AuthContext } from './internal/authContext';
import { needsMfaEnrolment } from './mfaPolicy';
import { localeOf } from './userLocale';

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
  /**
   * The organization's policy requires a second factor of this user and they have none: the
   * session serves only the account routes until they enrol one.
   */
  mfaEnrolmentRequired: boolean;
  /** The language the user chose for e-mails and screens, if any. */
  locale?: SupportedLocale;
}

/** One user as {@link AuthUser}, or null when they have no credentials. */
export async function getUser(ctx: AuthContext, userId: string): Promise<AuthUser | null> {
  const account = await findAccountById(ctx.db, userId);
  if (!account) return null;
  const roles = await rolesOf(ctx.db, userId);
  const mfaEnrolled = account.totpSecret !== null;
  const locale = await localeOf(ctx.db, userId);
  return {
    ...(locale ? { locale } : {}),
    id: account.userId,
    orgId: account.orgId,
    email: account.email,
    displayName: account.displayName,
    roles,
    mfaEnrolled,
    mustChangePassword: account.mustChangePassword,
    mfaEnrolmentRequired: await needsMfaEnrolment(ctx, {
      userId: account.userId,
      orgId: account.orgId,
      roles,
      hasAuthenticator: mfaEnrolled,
    }),
  };
}
