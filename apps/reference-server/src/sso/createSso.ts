/**
 * Single sign-on per organization with OpenID Connect, and re-authentication at the provider
 * for electronic signatures. The protocol is `openid-client`'s (oidcClient.ts); this module
 * keeps each round trip's state server-side (a single-use row, so a replay fails and any
 * process may take the callback), maps the provider's subject to a user, and signs them in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SsoOidcSettingsInput, SsoSettings } from '@masetra/core/auth';
import type { AuditEntryInput, Database } from '@masetra/server-kit';
import type { Kysely, Selectable } from 'kysely';
import type { IDToken } from 'openid-client';
import { v7 as uuidv7 } from 'uuid';
import type { AuthService, LoginResult } from '../auth';
import { newCredentialRow } from '../auth/internal/newCredentialRow';
import { SSO_PROOF_PREFIX } from '../auth/verifySignerSso';
import { HostProblemError } from '../http/sendProblem';
import { assertRoleChangeAllowed, roleChangeOf } from '../users/accessPolicy';
import { insertUser, unknownRoles } from '../users/userDirectory';
import { appendUserTrailEntry, type TrailActor } from '../users/userTrail';
import {
  authorizationUrl,
  createOidcClients,
  exchangeCode,
  isLoopbackIssuer,
  newRoundTrip,
  type OidcClientSettings,
} from './oidcClient';
import type { AuthSsoProvidersTable, SsoDb, SsoPurpose, SsoRoleRule } from './ssoDatabase';
import { ssoProblem } from './ssoProblems';
import { openClientSecret, sealClientSecret, ssoSecretKey } from './ssoSecretBox';
import { appendSsoSettingsEntry, settingsChanges } from './ssoTrail';

/** A started round trip is good for ten minutes, once. */
const STATE_TTL_SECONDS = 10 * 60;
/** How recent the provider's login must be for a signature (and how long its proof lasts). */
export const REAUTH_MAX_AGE_SECONDS = 120;
/** Clocks of the provider and this server may differ a little; a login "in the future" beyond this is refused. */
const CLOCK_SKEW_SECONDS = 30;
/** An SSO-only account has no usable password: this is no argon2 string, so every password check fails. */
export const SSO_ONLY_PASSWORD_HASH = '!sso-only';

export interface SsoOptions {
  db: SsoDb | Kysely<Database>;
  auth: AuthService;
  jwtSecret: Uint8Array;
  /** Where people reach the app; the provider sends the browser back to `<publicUrl>/sso/callback`. */
  publicUrl: string;
  clock?: () => Date;
}

export interface SsoActor extends TrailActor {
  orgId: string;
  sessionId?: string;
}

type ProviderRow = Selectable<AuthSsoProvidersTable>;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The roles a claim's values map to, unknown role names dropped (they are refused when saved). */
export function mappedRoles(mapping: readonly SsoRoleRule[], claimValue: unknown): string[] {
  const values = new Set(
    (Array.isArray(claimValue) ? claimValue : claimValue === undefined ? [] : [claimValue]).map(String),
  );
  const roles = mapping.filter((rule) => values.has(rule.value)).flatMap((rule) => rule.roles);
  return [...new Set(roles)].filter((role) => unknownRoles([role]).length === 0).sort();
}

export function createSso(options: SsoOptions) {
  const db = options.db as SsoDb;
  const clock = options.clock ?? (() => new Date());
  const secretKey = ssoSecretKey(options.jwtSecret);
  const clients = createOidcClients();
  const redirectUri = `${options.publicUrl.replace(/\/+$/, '')}/sso/callback`;

  const providerById = (id: string) =>
    db.selectFrom('auth_sso_providers').selectAll().where('id', '=', id).executeTakeFirst();
  const providerOfOrg = (orgId: string) =>
    db.selectFrom('auth_sso_providers').selectAll().where('org_id', '=', orgId).executeTakeFirst();

  const clientSettings = (provider: ProviderRow): OidcClientSettings => {
    if (!provider.client_secret_sealed)
      throw ssoProblem(409, 'sso_not_configured', 'The identity provider has no client secret.');
    return {
      issuer: provider.issuer,
      clientId: provider.client_id,
      clientSecret: openClientSecret(secretKey, provider.id, provider.client_secret_sealed),
    };
  };

  const toSettings = (provider: ProviderRow): SsoSettings => ({
    id: provider.id,
    protocol: 'oidc',
    displayName: provider.display_name,
    issuer: provider.issuer,
    clientId: provider.client_id,
    clientSecretSet: provider.client_secret_sealed !== null,
    allowedDomains: provider.allowed_domains,
    roleClaim: provider.role_claim,
    roleMapping: provider.role_mapping,
    jitProvisioning: provider.jit_provisioning,
    enabled: provider.enabled,
    redirectUri,
    updatedAt: new Date(provider.updated_at).toISOString(),
  });

  /** Round trips and proofs a day past their end are of no use to anyone: each new round trip clears them. */
  async function forgetExpired(now: Date) {
    const dayAgo = addSeconds(now, -24 * 60 * 60);
    await db.deleteFrom('auth_sso_states').where('expires_at', '<', dayAgo).execute();
    await db.deleteFrom('auth_sso_proofs').where('expires_at', '<', dayAgo).execute();
  }

  /** Stores a round trip's secrets and answers the provider's authorization URL. */
  async function beginRoundTrip(
    provider: ProviderRow,
    purpose: SsoPurpose,
    extra: { userId?: string; sessionId?: string; loginHint?: string },
  ) {
    const config = await clients.configurationOf(clientSettings(provider));
    const trip = await newRoundTrip();
    const now = clock();
    await forgetExpired(now);
    await db
      .insertInto('auth_sso_states')
      .values({
        state_hash: sha256(trip.state),
        provider_id: provider.id,
        purpose,
        user_id: extra.userId ?? null,
        session_id: extra.sessionId ?? null,
        nonce: trip.nonce,
        code_verifier: trip.codeVerifier,
        created_at: now,
        expires_at: addSeconds(now, STATE_TTL_SECONDS),
        used_at: null,
      })
      .execute();
    const parameters: Record<string, string> = {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state: trip.state,
      nonce: trip.nonce,
      code_challenge: trip.codeChallenge,
      code_challenge_method: 'S256',
    };
    if (purpose === 'reauth') {
      // A signature needs the person to prove themselves now, not a remembered provider session.
      parameters.prompt = 'login';
      parameters.max_age = '0';
    }
    if (extra.loginHint) parameters.login_hint = extra.loginHint;
    return { authorizationUrl: authorizationUrl(config, parameters), providerName: provider.display_name };
  }

  /**
   * Takes the round trip the callback names: once only (a replayed state finds it used), within
   * its ten minutes, for the purpose it was started for. Then the code exchange and the token checks.
   */
  async function finishRoundTrip(callbackQuery: string, purpose: SsoPurpose, userId?: string) {
    const query = new URLSearchParams(callbackQuery.startsWith('?') ? callbackQuery.slice(1) : callbackQuery);
    const state = query.get('state');
    const invalidState = () =>
      ssoProblem(
        400,
        'sso_state_invalid',
        'This single sign-on answer is unknown, already used or expired. Start again.',
      );
    if (!state) throw invalidState();
    const now = clock();
    const trip = await db
      .updateTable('auth_sso_states')
      .set({ used_at: now })
      .where('state_hash', '=', sha256(state))
      .where('used_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!trip || trip.expires_at < now || trip.purpose !== purpose) throw invalidState();
    if (purpose === 'reauth' && trip.user_id !== userId) throw invalidState();
    const provider = await providerById(trip.provider_id);
    if (!provider?.enabled)
      throw ssoProblem(403, 'sso_disabled', 'Single sign-on is switched off for this organization.');
    const config = await clients.configurationOf(clientSettings(provider));
    const callbackUrl = new URL(redirectUri);
    callbackUrl.search = query.toString();
    const claims = await exchangeCode(config, callbackUrl, {
      state,
      nonce: trip.nonce,
      codeVerifier: trip.code_verifier,
    });
    return { provider, claims, trip };
  }

  /** The user the provider's subject is, creating them (just in time) when the provider's rules allow. */
  async function userOf(provider: ProviderRow, claims: IDToken): Promise<string> {
    const link = await db
      .selectFrom('auth_sso_links')
      .innerJoin('users', 'users.id', 'auth_sso_links.user_id')
      .select(['users.id', 'users.org_id', 'users.active'])
      .where('auth_sso_links.issuer', '=', claims.iss)
      .where('auth_sso_links.subject', '=', claims.sub)
      .executeTakeFirst();
    if (link) {
      if (link.org_id !== provider.org_id || !link.active)
        throw ssoProblem(403, 'sso_user_inactive', 'This account is deactivated. Ask your administrator.');
      return link.id;
    }

    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw ssoProblem(403, 'sso_email_missing', 'The identity provider did not give an e-mail address.');
    if (claims.email_verified === false)
      throw ssoProblem(
        403,
        'sso_email_missing',
        'The identity provider has not verified this e-mail address.',
      );
    if (!provider.allowed_domains.includes(domainOf(email)))
      throw ssoProblem(
        403,
        'sso_domain_not_allowed',
        `Addresses of ${domainOf(email)} may not sign in through ${provider.display_name}.`,
      );
    // An existing account is never taken over by an e-mail claim: whoever controls the provider
    // (or an address there) would become that person, signatures included. An administrator links it.
    const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing)
      throw ssoProblem(
        409,
        'sso_account_exists',
        'An account with this e-mail exists already and is not linked to the identity provider. Sign in with your password, or ask your administrator.',
      );
    if (!provider.jit_provisioning)
      throw ssoProblem(
        403,
        'sso_jit_disabled',
        'You have no account here yet, and accounts are not created at sign-in. Ask your administrator.',
      );
    return provision(provider, claims, email);
  }

  async function provision(provider: ProviderRow, claims: IDToken, email: string): Promise<string> {
    const roles = mappedRoles(provider.role_mapping, claims[provider.role_claim]);
    const displayName =
      (typeof claims.name === 'string' && claims.name.trim().slice(0, 200)) || email.slice(0, 200);
    const actor: TrailActor = {
      userId: `sso:${provider.id}`,
      displayName: `Single sign-on (${provider.display_name})`,
    };
    const reason = `Created at first sign-in through ${provider.display_name}; roles mapped from the ${provider.role_claim} claim.`;
    assertRoleChangeAllowed({ actorId: actor.userId, userId: null, change: roleChangeOf([], roles), reason });
    const at = clock();
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      const user = await insertUser(trx as unknown as Kysely<Database>, {
        id,
        orgId: provider.org_id,
        email,
        displayName,
        roles,
      });
      await trx
        .insertInto('auth_credentials')
        .values(newCredentialRow(id, SSO_ONLY_PASSWORD_HASH, at, false))
        .execute();
      await trx
        .insertInto('auth_sso_links')
        .values({
          issuer: claims.iss,
          subject: claims.sub,
          user_id: id,
          provider_id: provider.id,
          created_at: at,
        })
        .execute();
      await appendUserTrailEntry(trx, {
        actor,
        subject: user,
        action: 'create',
        changes: [
          { field: 'email', new: user.email },
          { field: 'displayName', new: user.displayName },
          { field: 'roles', new: user.roles },
          { field: 'active', new: user.active },
          { field: 'ssoIssuer', new: claims.iss },
          { field: 'ssoSubject', new: claims.sub },
        ],
        reason,
        source: { client: 'sso', userAgent: null },
        at,
      });
    });
    await options.auth.reportSecurityEvent({
      type: 'user.created',
      userId: id,
      actorId: actor.userId,
      roles,
      reason,
      at,
    });
    return id;
  }

  return {
    redirectUri,

    /** The provider of the e-mail's domain, and its authorization URL. */
    async start(email: string) {
      const domain = domainOf(email);
      const providers = await db
        .selectFrom('auth_sso_providers')
        .selectAll()
        .where('enabled', '=', true)
        .execute();
      const provider = providers.find((row) => row.allowed_domains.includes(domain));
      if (!provider)
        throw ssoProblem(
          404,
          'sso_not_configured',
          `No organization signs in ${domain} addresses with single sign-on.`,
        );
      return beginRoundTrip(provider, 'login', { loginHint: email });
    },

    /** Finishes sign-in: the code exchanged and checked, the user mapped, a new session started. */
    async complete(callbackQuery: string): Promise<LoginResult> {
      let claims: IDToken | undefined;
      try {
        const finished = await finishRoundTrip(callbackQuery, 'login');
        claims = finished.claims;
        const userId = await userOf(finished.provider, claims);
        return await options.auth.startSession(userId);
      } catch (error) {
        // Security monitoring sees every refused single sign-on (PART11 24), as it sees failed logins.
        if (error instanceof HostProblemError && error.problem.code?.startsWith('sso_'))
          await options.auth.reportSecurityEvent({
            type: 'sso.login_refused',
            userId: null,
            email: typeof claims?.email === 'string' ? claims.email.slice(0, 320) : null,
            code: error.problem.code,
            at: clock(),
          });
        throw error;
      }
    },

    /** The provider a signed-in user re-authenticates with for signatures, when their account is linked to one. */
    async signingProvider(userId: string): Promise<{ displayName: string } | null> {
      const row = await db
        .selectFrom('auth_sso_links')
        .innerJoin('auth_sso_providers', 'auth_sso_providers.id', 'auth_sso_links.provider_id')
        .select(['auth_sso_providers.display_name as displayName', 'auth_sso_providers.enabled'])
        .where('auth_sso_links.user_id', '=', userId)
        .executeTakeFirst();
      return row?.enabled ? { displayName: row.displayName } : null;
    },

    /** Sends a linked signer to their provider with `prompt=login` and `max_age=0`. */
    async beginReauthentication(actor: SsoActor & { email: string }) {
      const link = await db
        .selectFrom('auth_sso_links')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      const provider = link && (await providerById(link.provider_id));
      if (!link || !provider || provider.org_id !== actor.orgId)
        throw ssoProblem(
          409,
          'sso_not_linked',
          'Your account is not linked to an identity provider: sign with your password.',
        );
      if (!provider.enabled)
        throw ssoProblem(403, 'sso_disabled', 'Single sign-on is switched off for this organization.');
      return beginRoundTrip(provider, 'reauth', {
        userId: actor.userId,
        sessionId: actor.sessionId,
        loginHint: actor.email,
      });
    },

    /**
     * Finishes re-authentication: the provider's login must be fresh (`auth_time` within two
     * minutes, by this server's clock) and of the subject linked to the signer. Answers a
     * single-use proof the signature dialog sends in place of the password.
     */
    async completeReauthentication(actor: SsoActor, callbackQuery: string) {
      const { claims, trip } = await finishRoundTrip(callbackQuery, 'reauth', actor.userId);
      if (trip.session_id !== (actor.sessionId ?? null))
        throw ssoProblem(400, 'sso_state_invalid', 'This re-authentication was started in another session.');
      const now = clock();
      const authTime = typeof claims.auth_time === 'number' ? new Date(claims.auth_time * 1000) : undefined;
      const age = authTime ? (now.getTime() - authTime.getTime()) / 1000 : Number.POSITIVE_INFINITY;
      if (!authTime || age > REAUTH_MAX_AGE_SECONDS || age < -CLOCK_SKEW_SECONDS)
        throw ssoProblem(
          401,
          'sso_reauthentication_stale',
          `The identity provider did not ask for your credentials just now (last login ${authTime ? authTime.toISOString() : 'unknown'}). A signature needs a login within ${REAUTH_MAX_AGE_SECONDS / 60} minutes.`,
        );
      const link = await db
        .selectFrom('auth_sso_links')
        .select(['issuer', 'subject'])
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      if (!link || link.issuer !== claims.iss || link.subject !== claims.sub)
        throw ssoProblem(
          403,
          'sso_subject_mismatch',
          'Someone else signed in at the identity provider: a signature is only yours.',
        );
      const proof = SSO_PROOF_PREFIX + randomBytes(32).toString('base64url');
      const expiresAt = addSeconds(authTime, REAUTH_MAX_AGE_SECONDS);
      await db
        .insertInto('auth_sso_proofs')
        .values({
          proof_hash: sha256(proof),
          user_id: actor.userId,
          session_id: actor.sessionId ?? null,
          issuer: claims.iss,
          subject: claims.sub,
          auth_time: authTime,
          created_at: now,
          expires_at: expiresAt,
          used_at: null,
        })
        .execute();
      return { proof, expiresAt: expiresAt.toISOString() };
    },

    async settings(orgId: string): Promise<SsoSettings | null> {
      const provider = await providerOfOrg(orgId);
      return provider ? toSettings(provider) : null;
    },

    /** Creates or replaces the organization's provider; one trail entry with every changed field. */
    async saveSettings(
      actor: SsoActor,
      input: SsoOidcSettingsInput,
      source: AuditEntryInput['source'],
    ): Promise<SsoSettings> {
      const unknown = [...new Set(input.roleMapping.flatMap((rule) => unknownRoles(rule.roles)))];
      if (unknown.length > 0)
        throw ssoProblem(422, 'sso_not_configured', `Unknown roles in the mapping: ${unknown.join(', ')}.`);
      const issuer = input.issuer.replace(/\/+$/, '');
      if (new URL(issuer).protocol !== 'https:' && !isLoopbackIssuer(issuer))
        throw ssoProblem(422, 'sso_not_configured', 'The issuer must be an https:// address.');
      const domains = [...new Set(input.allowedDomains)].sort();
      const others = await db
        .selectFrom('auth_sso_providers')
        .select(['allowed_domains'])
        .where('org_id', '!=', actor.orgId)
        .execute();
      const taken = domains.filter((domain) =>
        others.some((other) => other.allowed_domains.includes(domain)),
      );
      if (taken.length > 0)
        throw ssoProblem(
          409,
          'sso_domain_taken',
          `Another organization signs in ${taken.join(', ')} with its own provider.`,
        );
      const before = await providerOfOrg(actor.orgId);
      if (!before && !input.clientSecret)
        throw ssoProblem(
          422,
          'sso_client_secret_required',
          'A new identity provider needs its client secret.',
        );
      const id = before?.id ?? uuidv7();
      const now = clock();
      const row = {
        id,
        org_id: actor.orgId,
        protocol: input.protocol,
        display_name: input.displayName,
        issuer,
        client_id: input.clientId,
        client_secret_sealed: input.clientSecret
          ? sealClientSecret(secretKey, id, input.clientSecret)
          : (before?.client_secret_sealed ?? null),
        allowed_domains: domains,
        role_claim: input.roleClaim,
        role_mapping: input.roleMapping,
        jit_provisioning: input.jitProvisioning,
        enabled: input.enabled,
        created_at: before?.created_at ?? now,
        updated_at: now,
        updated_by: actor.userId,
      };
      const changes = settingsChanges(before, row, input.clientSecret !== undefined);
      if (before && changes.length === 0) return toSettings(before);
      const stored = {
        ...row,
        allowed_domains: JSON.stringify(row.allowed_domains),
        role_mapping: JSON.stringify(row.role_mapping),
      };
      await db.transaction().execute(async (trx) => {
        if (before) await trx.updateTable('auth_sso_providers').set(stored).where('id', '=', id).execute();
        else await trx.insertInto('auth_sso_providers').values(stored).execute();
        await appendSsoSettingsEntry(trx, {
          actor,
          providerId: id,
          action: before ? 'update' : 'create',
          changes,
          reason: input.reason ?? null,
          source,
          at: now,
        });
      });
      clients.forget();
      await options.auth.reportSecurityEvent({
        type: 'sso.settings_changed',
        userId: actor.userId,
        orgId: actor.orgId,
        fields: changes.map((change) => change.field),
        at: now,
      });
      return toSettings(row);
    },
  };
}

export type Sso = ReturnType<typeof createSso>;
