import * as z from 'zod/mini';
import { localeSchema } from '../entities/user';
import { defineRoute } from './defineRoute';

const account = { kind: 'host', tags: ['account'] } as const;
const admin = { kind: 'host', tags: ['administration'] } as const;

const password = z.string().check(z.minLength(1), z.maxLength(1024));
/** A TOTP code (six digits) or a recovery code (`XXXX-XXXX-XXXX`), as typed. */
const secondFactorCode = z.string().check(z.trim(), z.minLength(6), z.maxLength(32));
const reason = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)));
const idParams = z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(200)) });

/** One open session of the signed-in user, as their account page lists it. */
export const accountSessionSchema = z.object({
  id: z.string(),
  /** The browser and system in short, e.g. "Firefox 133 on Windows"; null when the client named none. */
  device: z.nullable(z.string()),
  /** The address it signed in from, when known. */
  address: z.nullable(z.string()),
  startedAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  /** Its absolute end, however active it is. */
  expiresAt: z.iso.datetime(),
  /** The session making this request. */
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;

/** Whose accounts need a second factor: no one, the roles that sign, or everyone. */
export const mfaRequirementSchema = z.enum(['off', 'signers', 'everyone']);
export type MfaRequirement = z.infer<typeof mfaRequirementSchema>;

export const securityPolicySchema = z.object({
  mfaRequired: mfaRequirementSchema,
  /** The roles `signers` covers: those the permission matrix lets take a signed step. */
  signingRoles: z.array(z.string()),
  updatedAt: z.nullable(z.iso.datetime()),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const authenticatorStatusSchema = z.object({
  enrolled: z.boolean(),
  /** Unused recovery codes; 0 without an authenticator. */
  recoveryCodesRemaining: z.number(),
  /** The organization's policy requires a second factor of this user. */
  required: z.boolean(),
});

const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

/**
 * The signed-in user's own account (sessions, authenticator, recovery codes) and what an
 * administrator decides about others' (ending a user's sessions, the organization's MFA policy).
 * Spread into `authRoutes`. Enrolment itself is `auth.beginTotp` and `auth.confirmTotp`.
 */
export const accountRoutes = {
  setAccountLocale: defineRoute({
    ...account,
    id: 'account.setLocale',
    method: 'PUT',
    path: '/account/locale',
    summary: "Choose the language of the signed-in user's e-mails and screens",
    body: z.strictObject({ locale: localeSchema }),
    response: z.object({ locale: localeSchema }),
    successStatus: 200,
    problems: [400, 401, 422],
  }),
  accountSessions: defineRoute({
    ...account,
    id: 'account.sessions',
    method: 'GET',
    path: '/account/sessions',
    summary: 'The signed-in user’s open sessions: device, address, started, last used, and which is this one',
    response: z.object({ items: z.array(accountSessionSchema) }),
    successStatus: 200,
    problems: [401],
  }),
  revokeAccountSession: defineRoute({
    ...account,
    id: 'account.revokeSession',
    method: 'POST',
    path: '/account/sessions/{id}/revoke',
    summary:
      'End one of one’s own sessions: its refresh token stops at once, its access token at its next use',
    params: idParams,
    response: z.object({ ok: z.boolean() }),
    successStatus: 200,
    problems: [401, 404],
  }),
  revokeOtherAccountSessions: defineRoute({
    ...account,
    id: 'account.revokeOtherSessions',
    method: 'POST',
    path: '/account/sessions/revoke-others',
    summary: 'End every session of one’s own but this one',
    response: z.object({ revoked: z.number() }),
    successStatus: 200,
    problems: [401],
  }),
  authenticatorStatus: defineRoute({
    ...account,
    id: 'account.authenticator',
    method: 'GET',
    path: '/account/authenticator',
    summary:
      'Whether the signed-in user has an authenticator, how many recovery codes are left, and whether the policy requires one',
    response: authenticatorStatusSchema,
    successStatus: 200,
    problems: [401],
  }),
  removeAuthenticator: defineRoute({
    ...account,
    id: 'account.removeAuthenticator',
    method: 'POST',
    path: '/account/authenticator/remove',
    summary:
      'Remove one’s own authenticator and recovery codes, with the password and a current code (or a recovery code)',
    body: z.strictObject({ password, code: secondFactorCode }),
    response: z.object({ ok: z.boolean() }),
    successStatus: 200,
    problems: [400, 401, 403, 409, 422, 423],
  }),
  regenerateRecoveryCodes: defineRoute({
    ...account,
    id: 'account.recoveryCodes',
    method: 'POST',
    path: '/account/recovery-codes',
    summary: 'Ten new single-use recovery codes for the old ones, with the password and a current code',
    body: z.strictObject({ password, code: secondFactorCode }),
    response: recoveryCodes,
    successStatus: 200,
    problems: [400, 401, 403, 409, 422, 423],
  }),
  revokeUserSessions: defineRoute({
    ...admin,
    id: 'users.revokeSessions',
    method: 'POST',
    path: '/users/{id}/sessions/revoke',
    summary: 'End every session of a user at once (a lost laptop); they can sign in again',
    params: idParams,
    body: z.strictObject({ reason }),
    response: z.object({ revoked: z.number() }),
    successStatus: 200,
    problems: [400, 401, 403, 404, 422],
  }),
  securityPolicy: defineRoute({
    ...admin,
    id: 'organizations.securityPolicy',
    method: 'GET',
    path: '/organizations/security-policy',
    summary: 'The organization’s MFA policy: required of everyone, of the roles that sign, or off',
    response: securityPolicySchema,
    successStatus: 200,
    problems: [401, 403],
  }),
  setSecurityPolicy: defineRoute({
    ...admin,
    id: 'organizations.setSecurityPolicy',
    method: 'PATCH',
    path: '/organizations/security-policy',
    summary:
      'Set the MFA policy; users it newly covers who have no authenticator enrol one at their next sign-in, before anything else',
    body: z.strictObject({ mfaRequired: mfaRequirementSchema, reason }),
    response: securityPolicySchema,
    successStatus: 200,
    problems: [400, 401, 403, 409, 422],
  }),
};
