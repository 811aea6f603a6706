import * as z from 'zod/mini';
// A cycle by design: authRoutes spreads these routes, and sign-in answers with its tokens.
// `z.lazy` reads `tokensSchema` only when a response is checked, after both modules loaded.
import { tokensSchema } from './authRoutes';
import { defineRoute } from './defineRoute';

const host = { kind: 'host', tags: ['auth'] } as const;
const admin = { kind: 'host', tags: ['administration'] } as const;

const email = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.minLength(3), z.maxLength(320), z.regex(/^[^@\s]+@[^@\s]+$/));
/** A DNS name an e-mail address ends in, e.g. `example.com`. */
const domain = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(253),
    z.regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/),
  );
const role = z.string().check(z.minLength(1), z.maxLength(64));
/** The query string the identity provider sent the browser back with (`?code=…&state=…`). */
const callbackQuery = z.string().check(z.minLength(1), z.maxLength(8192));

/** One rule of the claim → role mapping: a user whose claim holds `value` gets `roles`. */
export const ssoRoleRuleSchema = z.strictObject({
  value: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  roles: z.array(role).check(z.minLength(1), z.maxLength(20)),
});

/**
 * What an administrator sets for their organization's OpenID Connect provider. `protocol`
 * is the discriminator: SAML 2.0 joins later as another member beside `oidc`.
 */
export const ssoOidcSettingsInputSchema = z.strictObject({
  protocol: z.literal('oidc'),
  /** The provider's name as people read it on the sign-in and signature screens. */
  displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  /** The issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: z.string().check(z.trim(), z.minLength(8), z.maxLength(500), z.regex(/^https?:\/\/[^\s]+$/)),
  clientId: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  /** Sealed at rest and never answered; left out, the stored one is kept. */
  clientSecret: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  /** Only addresses of these domains sign in (and are created) through the provider. */
  allowedDomains: z.array(domain).check(z.minLength(1), z.maxLength(50)),
  /** The ID token claim whose values the mapping reads, e.g. `groups`. */
  roleClaim: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  roleMapping: z.array(ssoRoleRuleSchema).check(z.maxLength(50)),
  /** Just-in-time creation: a person the provider vouches for, unknown here, becomes a user at first sign-in. */
  jitProvisioning: z.boolean(),
  enabled: z.boolean(),
  /** Why the access rules change; recorded in the audit trail. */
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
});
export type SsoOidcSettingsInput = z.infer<typeof ssoOidcSettingsInputSchema>;

/** The settings as stored: the client secret only as whether one is set. */
export const ssoSettingsSchema = z.object({
  id: z.string(),
  protocol: z.literal('oidc'),
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean(),
  allowedDomains: z.array(z.string()),
  roleClaim: z.string(),
  roleMapping: z.array(ssoRoleRuleSchema),
  jitProvisioning: z.boolean(),
  enabled: z.boolean(),
  /** The redirect URI to register at the provider. */
  redirectUri: z.string(),
  updatedAt: z.iso.datetime(),
});
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

const authorizationRedirect = z.object({
  /** Where the browser goes next: the provider's authorization endpoint, with state, nonce and PKCE. */
  authorizationUrl: z.string(),
  providerName: z.string(),
});

/**
 * Single sign-on with the organization's OpenID Connect provider (authorization code + PKCE).
 * The browser is sent to the provider and back to the app's `/sso/callback`, which hands the
 * query to `sso.complete` (sign-in) or `sso.completeReauthentication` (a signature). Tokens
 * only ever travel in JSON bodies, never in a URL.
 */
export const ssoRoutes = {
  ssoStart: defineRoute({
    ...host,
    id: 'sso.start',
    public: true,
    method: 'POST',
    path: '/auth/sso/start',
    summary: "Begin single sign-on with the identity provider of the e-mail's domain",
    body: z.strictObject({ email }),
    response: authorizationRedirect,
    successStatus: 200,
    problems: [400, 404, 429, 502],
  }),
  ssoComplete: defineRoute({
    ...host,
    id: 'sso.complete',
    public: true,
    method: 'POST',
    path: '/auth/sso/complete',
    summary:
      'Finish single sign-on: exchange the code (state, nonce, PKCE, issuer and audience checked), map the user, sign in',
    body: z.strictObject({ callbackQuery }),
    response: z.lazy(() => tokensSchema),
    successStatus: 200,
    problems: [400, 401, 403, 409, 429, 502],
  }),
  ssoSigning: defineRoute({
    ...host,
    id: 'sso.signing',
    method: 'GET',
    path: '/auth/sso/signing',
    summary:
      'Whether the signed-in user re-authenticates for signatures with an identity provider, and which',
    response: z.object({ provider: z.nullable(z.object({ displayName: z.string() })) }),
    successStatus: 200,
    problems: [401],
  }),
  ssoReauthenticate: defineRoute({
    ...host,
    id: 'sso.reauthenticate',
    method: 'POST',
    path: '/auth/sso/reauthenticate',
    summary: 'Begin re-authentication for a signature at the identity provider (prompt=login, max_age=0)',
    response: authorizationRedirect,
    successStatus: 200,
    problems: [401, 409, 502],
  }),
  ssoCompleteReauthentication: defineRoute({
    ...host,
    id: 'sso.completeReauthentication',
    method: 'POST',
    path: '/auth/sso/reauthenticate/complete',
    summary:
      'Finish re-authentication: a fresh login of the linked subject gives a single-use proof, good for one signature within 2 minutes',
    body: z.strictObject({ callbackQuery }),
    response: z.object({ proof: z.string(), expiresAt: z.iso.datetime() }),
    successStatus: 200,
    problems: [400, 401, 403, 502],
  }),
  ssoSettings: defineRoute({
    ...admin,
    id: 'sso.settings',
    method: 'GET',
    path: '/settings/sso',
    summary: "The organization's identity provider (the client secret only as set or not)",
    response: z.object({ provider: z.nullable(ssoSettingsSchema) }),
    successStatus: 200,
    problems: [401, 403],
  }),
  ssoSaveSettings: defineRoute({
    ...admin,
    id: 'sso.saveSettings',
    method: 'PATCH',
    path: '/settings/sso',
    summary: "Set the organization's identity provider; each change is written to the audit trail",
    body: ssoOidcSettingsInputSchema,
    response: ssoSettingsSchema,
    successStatus: 200,
    problems: [400, 401, 403, 409, 422],
  }),
};
