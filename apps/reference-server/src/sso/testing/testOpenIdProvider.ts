/**
 * A real OpenID provider (`oidc-provider`) in the test process, for the single sign-on tests
 * and the browser test: discovery, authorization code with PKCE, signed ID tokens with
 * `auth_time`, and a login page people (or a test) fill in. It can also misbehave on purpose:
 * `tamperNextIdToken` re-signs the next ID token with its own key after changing claims, as a
 * provider with a wrong audience, or one that ignores `max_age=0`, would send it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestIdentity {
  /** The provider's subject identifier. */
  sub: string;
  email: string;
  emailVerified?: boolean;
  name: string;
  groups: string[];
  password: string;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestOpenIdProvider {
  issuer: string;
  identities: TestIdentity[];
  /** Changes the claims of the next ID token the token endpoint sends (once). */
  tamperNextIdToken(change: (claims: JWTPayload) => JWTPayload): void;
  close(): Promise<void>;
}

const KEY_ID = 'test-signing-key';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, clientId: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider — sign in</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;color:#1a1a1a}
label{display:block;margin-top:1rem}input{display:block;width:100%;padding:.5rem;font-size:1rem}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#234;color:#fff;border:0;border-radius:4px}
.error{color:#a00}</style></head>
<body><h1>Test identity provider</h1><p>Sign in to continue to <strong>${escapeHtml(clientId)}</strong>.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="username" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></body></html>`;
}

/** Starts the provider on a free loopback port (http is fine there: the client allows it for loopback only). */
export async function startTestOpenIdProvider(options: {
  clients: TestClient[];
  identities: TestIdentity[];
}): Promise<TestOpenIdProvider> {
  const app = express();
  const http: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
  const identities = options.identities;
  let tamper: ((claims: JWTPayload) => JWTPayload) | undefined;

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
      // Every ID token says when the person last logged in.
      require_auth_time: true,
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // The scopes' claims go into the ID token itself, as many enterprise providers send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const identity = identities.find((candidate) => candidate.sub === sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: identity.email,
          email_verified: identity.emailVerified ?? true,
          name: identity.name,
          groups: identity.groups,
        }),
      };
    },
    // A first-party client: consent is implied, as at a company's own provider.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId,
        accountId: ctx.oidc.session?.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && ctx.status === 200 && body?.id_token && tamper) {
      const change = tamper;
      tamper = undefined;
      const claims = change(decodeJwt(body.id_token));
      body.id_token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
        .sign(privateKey);
    }
  });

  app.get('/interaction/:uid', async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    res.type('html').send(loginPage(details.uid, String(details.params.client_id)));
  });
  app.post('/interaction/:uid/login', express.urlencoded({ extended: false }), async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const identity = identities.find(
      (candidate) => candidate.email === req.body?.email && candidate.password === req.body?.password,
    );
    if (!identity) {
      res
        .status(401)
        .type('html')
        .send(loginPage(details.uid, String(details.params.client_id), 'Wrong e-mail or password.'));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: identity.sub } },
      { mergeWithLastSubmission: false },
    );
  });
  app.use(provider.callback());

  return {
    issuer,
    identities,
    tamperNextIdToken: (change) => {
      tamper = change;
    },
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * Follows a browser through the provider without a browser: the authorization URL, the login
 * page (filled in with `credentials`), and the redirects, until the provider sends it to
 * `redirectUri`. Answers the query string the app's callback page would hand on, and how
 * often the provider showed its login page.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  redirectUri: string,
  credentials: { email: string; password: string },
  /** The browser's cookies at the provider; pass the same map again to be the same browser (its provider session). */
  cookies = new Map<string, string>(),
): Promise<{ callbackQuery: string; loginPagesShown: number }> {
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (pair && index > 0) cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  };
  let url = authorizationUrl;
  let init: RequestInit = {};
  let loginPagesShown = 0;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(redirectUri)) return { callbackQuery: new URL(url).search, loginPagesShown };
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() },
    });
    remember(response);
    init = {};
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const interaction = /\/interaction\/([^/?#]+)$/.exec(new URL(url).pathname);
    if (response.status === 200 && interaction) {
      loginPagesShown++;
      await response.text();
      url = new URL(`/interaction/${interaction[1]}/login`, url).href;
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(credentials).toString(),
      };
      continue;
    }
    throw new Error(
      `the provider answered ${response.status} at ${url}: ${(await response.text()).slice(0, 500)}`,
    );
  }
  throw new Error('too many redirects at the provider');
}
