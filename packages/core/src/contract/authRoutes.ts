import * as z from 'zod/mini';
import { otpCodeSchema } from '../entities/oneTimeCode';
import { localeSchema, organizationSchema, userSchema } from '../entities/user';
import { accountRoutes } from './accountRoutes';
import { defineRoute } from './defineRoute';
import { ssoRoutes } from './ssoRoutes';

const email = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.minLength(3), z.maxLength(320), z.regex(/^[^@\s]+@[^@\s]+$/));
const password = z.string().check(z.minLength(1), z.maxLength(1024));

export const sessionUserSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.optional(z.string()),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  mfaEnrolled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** The language the user chose for their e-mails and screens. */
  locale: z.optional(localeSchema),
  /** The organization requires a second factor and the user has none: enrol before anything else. */
  mfaEnrolmentRequired: z.optional(z.boolean()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const tokensSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  user: sessionUserSchema,
});
export type Tokens = z.infer<typeof tokensSchema>;

const host = { kind: 'host', tags: ['auth'] } as const;
const admin = { kind: 'host', tags: ['administration'] } as const;
// No NUL: PostgreSQL text cannot hold it, so such an id names no one (a 404, not a failed query).
const userIdParams = z.strictObject({
  id: z.string().check(
    z.minLength(1),
    z.maxLength(200),
    z.refine((id) => !id.includes('\u0000')),
  ),
});
/** Why an administrator changes someone's access: required where the change grants approval or administration. */
const accessReason = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)));

/**
 * The routes of the reference server's own authentication and administration. They are
 * not part of the server kit (a host brings its own auth), but the client and the demo
 * use them, so their shapes live in the one contract too.
 *
 * Public (no bearer token): login and refresh, and the password change, which carries the
 * current password instead because an expired password cannot sign in. Logout needs the
 * session it ends.
 */
export const authRoutes = {
  login: defineRoute({
    ...host,
    id: 'auth.login',
    public: true,
    method: 'POST',
    path: '/auth/login',
    summary: 'Sign in with e-mail and password (and a TOTP code when enrolled)',
    body: z.strictObject({
      email,
      password,
      otp: z.optional(otpCodeSchema),
      /** One of the account's single-use recovery codes, in place of `otp`. */
      recoveryCode: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(32))),
    }),
    response: tokensSchema,
    successStatus: 200,
    problems: [400, 401, 403, 429],
  }),
  refresh: defineRoute({
    ...host,
    id: 'auth.refresh',
    public: true,
    method: 'POST',
    path: '/auth/refresh',
    summary: 'Exchange a refresh token for new tokens (rotating; reuse revokes the session)',
    body: z.strictObject({ refreshToken: z.string().check(z.minLength(1), z.maxLength(512)) }),
    response: tokensSchema,
    successStatus: 200,
    problems: [400, 401],
  }),
  logout: defineRoute({
    ...host,
    id: 'auth.logout',
    method: 'POST',
    path: '/auth/logout',
    summary: 'End the session',
    body: z.strictObject({ refreshToken: z.optional(z.string().check(z.maxLength(512))) }),
    response: z.object({ ok: z.boolean() }),
    successStatus: 200,
    problems: [400, 401],
  }),
  changePassword: defineRoute({
    ...host,
    id: 'auth.changePassword',
    public: true,
    method: 'POST',
    path: '/auth/password',
    summary: 'Change one’s own password (also after expiry or an administrator reset) and sign in',
    body: z.strictObject({
      email,
      currentPassword: password,
      newPassword: password,
      otp: z.optional(otpCodeSchema),
    }),
    response: tokensSchema,
    successStatus: 200,
    problems: [400, 401, 403, 422, 429],
  }),
  setUpAccount: defineRoute({
    ...host,
    id: 'auth.setUpAccount',
    public: true,
    method: 'POST',
    path: '/auth/setup',
    summary:
      'Choose one’s password with a single-use link (an invitation, a reset, a forgotten password), and sign in (no one else ever knows it)',
    body: z.strictObject({
      token: z.string().check(z.minLength(20), z.maxLength(200)),
      newPassword: password,
      /** Asked for (`otp_required`) when the account has an authenticator: the mailbox alone is one factor. */
      otp: z.optional(otpCodeSchema),
    }),
    response: tokensSchema,
    successStatus: 200,
    problems: [400, 401, 422],
  }),
  forgotPassword: defineRoute({
    ...host,
    id: 'auth.forgotPassword',
    public: true,
    method: 'POST',
    path: '/auth/forgot-password',
    summary:
      'E-mail a single-use link, good for 30 minutes, to choose a new password; the answer is the same whether or not the address is known',
    body: z.strictObject({ email }),
    response: z.object({ ok: z.boolean() }),
    successStatus: 202,
    problems: [400, 429],
  }),
  beginTotp: defineRoute({
    ...host,
    id: 'auth.beginTotp',
    method: 'POST',
    path: '/auth/totp',
    summary:
      'Begin TOTP enrolment with the password again: returns the secret, its otpauth URL and a QR code of it (an SVG data URL)',
    body: z.strictObject({ password }),
    response: z.object({ secret: z.string(), otpauthUrl: z.string(), qrCode: z.string() }),
    successStatus: 200,
    problems: [400, 401, 403, 409, 422, 423],
  }),
  confirmTotp: defineRoute({
    ...host,
    id: 'auth.confirmTotp',
    method: 'POST',
    path: '/auth/totp/confirm',
    summary:
      'Confirm TOTP enrolment with a current code; answers with ten single-use recovery codes, shown this once',
    body: z.strictObject({ otp: otpCodeSchema }),
    response: z.object({ ok: z.boolean(), recoveryCodes: z.array(z.string()) }),
    successStatus: 200,
    problems: [400, 401, 422],
  }),
  me: defineRoute({
    ...host,
    id: 'auth.me',
    method: 'GET',
    path: '/me',
    summary: 'The signed-in user',
    response: sessionUserSchema,
    successStatus: 200,
    problems: [401],
  }),
  userDirectory: defineRoute({
    ...host,
    id: 'auth.directory',
    method: 'GET',
    path: '/directory',
    summary:
      "Names of the organization's users, for any signed-in user: who owns, changed or signed a record is shown by name, not id",
    response: z.object({
      items: z.array(z.object({ id: z.string(), displayName: z.string(), active: z.boolean() })),
    }),
    successStatus: 200,
    problems: [401],
  }),
  listUsers: defineRoute({
    ...admin,
    id: 'users.list',
    method: 'GET',
    path: '/users',
    summary: "The organization's users",
    response: z.object({ items: z.array(userSchema) }),
    successStatus: 200,
    problems: [401, 403],
  }),
  createUser: defineRoute({
    ...admin,
    id: 'users.create',
    method: 'POST',
    path: '/users',
    summary:
      'Create a user and e-mail them a single-use invitation link to choose their own password (no administrator ever knows it)',
    body: z.strictObject({
      email,
      displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      roles: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(20)),
      /** The language of the invitation and every later e-mail; the server's default when left out. */
      locale: z.optional(localeSchema),
      reason: accessReason,
    }),
    response: userSchema,
    successStatus: 201,
    idempotent: true,
    problems: [400, 401, 403, 409, 422],
  }),
  updateUser: defineRoute({
    ...admin,
    id: 'users.update',
    method: 'PATCH',
    path: '/users/{id}',
    summary: "Change a user's name, roles or active flag (deactivation ends their sessions at once)",
    params: userIdParams,
    body: z.strictObject({
      displayName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      roles: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(20))),
      active: z.optional(z.boolean()),
      locale: z.optional(localeSchema),
      reason: accessReason,
    }),
    response: userSchema,
    successStatus: 200,
    problems: [400, 401, 403, 404, 422],
  }),
  resetPassword: defineRoute({
    ...admin,
    id: 'users.resetPassword',
    method: 'POST',
    path: '/users/{id}/password-reset',
    summary:
      "End a user's sessions and current password at once, and e-mail them a single-use link, good for 30 minutes, to choose a new one",
    params: userIdParams,
    body: z.strictObject({ reason: accessReason }),
    response: z.object({ ok: z.boolean() }),
    successStatus: 200,
    problems: [400, 401, 403, 404, 422],
  }),
  resetAuthenticator: defineRoute({
    ...admin,
    id: 'users.resetAuthenticator',
    method: 'POST',
    path: '/users/{id}/authenticator-reset',
    summary: "Remove a user's TOTP authenticator (a lost device); they enrol again at their next sign-in",
    params: userIdParams,
    body: z.strictObject({ reason: accessReason }),
    response: z.object({ ok: z.boolean() }),
    successStatus: 200,
    problems: [400, 401, 403, 404, 422],
  }),
  listOrganizations: defineRoute({
    ...admin,
    id: 'organizations.list',
    method: 'GET',
    path: '/organizations',
    summary: "The caller's organization",
    response: z.object({ items: z.array(organizationSchema) }),
    successStatus: 200,
    problems: [401, 403],
  }),
  ...ssoRoutes,
  ...accountRoutes,
};
