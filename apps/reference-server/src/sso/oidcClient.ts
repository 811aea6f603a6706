/**
 * The OpenID Connect protocol, done by `openid-client`: discovery, authorization code with
 * PKCE (S256), state and nonce, and the ID token's signature, issuer, audience and expiry.
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { ssoProblem } from './ssoProblems';

/** What a provider needs to be talked to. */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Plain HTTP only for an issuer on this machine (development, tests), as RFC 8252 allows for loopback. */
export function isLoopbackIssuer(issuer: string): boolean {
  const { protocol, hostname } = new URL(issuer);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

const DISCOVERY_TTL_MS = 10 * 60_000;

/** Discovery documents and keys, cached per provider and client for ten minutes, in each process. */
export function createOidcClients() {
  const cache = new Map<string, { at: number; config: Promise<client.Configuration> }>();

  async function configurationOf(settings: OidcClientSettings): Promise<client.Configuration> {
    const key = createHash('sha256')
      .update(JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]))
      .digest('hex');
    const cached = cache.get(key);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const config = client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      undefined,
      // client_secret_basic: the default of OpenID Connect Core 9 when a client registers none.
      client.ClientSecretBasic(settings.clientSecret),
      isLoopbackIssuer(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    cache.set(key, { at: Date.now(), config });
    try {
      return await config;
    } catch (error) {
      cache.delete(key);
      throw ssoProblem(
        502,
        'sso_provider_unavailable',
        `The identity provider ${settings.issuer} could not be reached or described itself wrongly: ${messageOf(error)}`,
      );
    }
  }

  return {
    configurationOf,
    /** Forgets what discovery learnt of a provider, after its settings change. */
    forget: () => cache.clear(),
  };
}

export type OidcClients = ReturnType<typeof createOidcClients>;

/** A fresh state, nonce and PKCE pair for one round trip. */
export async function newRoundTrip() {
  const codeVerifier = client.randomPKCECodeVerifier();
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier),
  };
}

export function authorizationUrl(config: client.Configuration, parameters: Record<string, string>): string {
  return client.buildAuthorizationUrl(config, parameters).href;
}

/** The ID token's claims after the code exchange; every protocol failure is a problem a person can read. */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<client.IDToken> {
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw ssoProblem(401, 'sso_token_invalid', 'The identity provider sent no ID token.');
    return claims;
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) {
      throw ssoProblem(
        401,
        'sso_provider_error',
        `The identity provider refused: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`,
      );
    }
    if (error instanceof client.ResponseBodyError) {
      throw ssoProblem(
        401,
        'sso_provider_error',
        `The identity provider refused the code: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`,
      );
    }
    if (error instanceof client.ClientError) {
      // Signature, issuer, audience, nonce, expiry: the token is not for us, or not genuine.
      // openid-client's message is general ("unexpected JWT claim value"); its cause names the claim.
      const cause = error.cause instanceof Error ? error.cause.message : undefined;
      throw ssoProblem(401, 'sso_token_invalid', `The ID token was refused: ${cause ?? error.message}.`);
    }
    if (error instanceof Error && 'problem' in error) throw error;
    throw ssoProblem(
      502,
      'sso_provider_unavailable',
      `The identity provider could not be reached: ${messageOf(error)}`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
