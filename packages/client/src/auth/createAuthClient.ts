import { authRoutes } from '@masetra/core/auth';
import type { RequestOptions, RouteBody, RouteResponse } from '../contractTypes';
import type { Transport } from '../internal/transport';

type Routes = typeof authRoutes;

/**
 * The reference server's own sign-in. The client keeps no tokens: store what `login` and
 * `refresh` return and hand the access token back through `createClient({ getToken })`.
 */
export interface AuthClient {
  /** Signs in with e-mail and password (and a TOTP code when enrolled). Sends no bearer token. */
  login(
    credentials: RouteBody<Routes['login']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['login']>>;
  /** Exchanges a refresh token for new tokens. Refresh tokens rotate: use each once. Sends no bearer token. */
  refresh(
    body: RouteBody<Routes['refresh']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['refresh']>>;
  logout(
    body?: RouteBody<Routes['logout']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['logout']>>;
  /** The signed-in user. */
  me(options?: RequestOptions): Promise<RouteResponse<Routes['me']>>;
  /** Changes one's own password (also once it expired) and signs in. Sends no bearer token. */
  changePassword(
    body: RouteBody<Routes['changePassword']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['changePassword']>>;
  /**
   * Asks for a single-use link, good for 30 minutes, to choose a new password, sent by e-mail.
   * The answer is the same whether or not the address is known. Sends no bearer token.
   */
  forgotPassword(
    body: RouteBody<Routes['forgotPassword']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['forgotPassword']>>;
  /**
   * Chooses one's password with the token of a single-use link (an invitation, a reset or a
   * forgotten password) and signs in. Sends no bearer token.
   */
  setUpAccount(
    body: RouteBody<Routes['setUpAccount']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['setUpAccount']>>;
  /**
   * Begins TOTP enrolment with the password again: the secret, its otpauth URL and a QR code
   * of it for an authenticator app.
   */
  beginTotp(
    body: RouteBody<Routes['beginTotp']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['beginTotp']>>;
  /** Confirms enrolment with a current code; answers with ten single-use recovery codes, shown this once. */
  confirmTotp(
    body: RouteBody<Routes['confirmTotp']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['confirmTotp']>>;
}

export function createAuthClient(send: Transport): AuthClient {
  return {
    login: async (body, options) => (await send(authRoutes.login, { ...options, body })).data,
    refresh: async (body, options) => (await send(authRoutes.refresh, { ...options, body })).data,
    logout: async (body, options) => (await send(authRoutes.logout, { ...options, body })).data,
    me: async (options) => (await send(authRoutes.me, options)).data,
    changePassword: async (body, options) =>
      (await send(authRoutes.changePassword, { ...options, body })).data,
    forgotPassword: async (body, options) =>
      (await send(authRoutes.forgotPassword, { ...options, body })).data,
    setUpAccount: async (body, options) => (await send(authRoutes.setUpAccount, { ...options, body })).data,
    beginTotp: async (body, options) => (await send(authRoutes.beginTotp, { ...options, body })).data,
    confirmTotp: async (body, options) => (await send(authRoutes.confirmTotp, { ...options, body })).data,
  };
}
