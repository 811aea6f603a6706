// The signed-in session: the access token lives in memory only; the refresh token, which is
// single-use and rotates, is kept in sessionStorage so a reload of this tab stays signed in.
import type { MasetraClient } from '@masetra/client';
import type { SessionUser, Tokens } from '@masetra/core/auth';

const REFRESH_KEY = 'masetra-demo.refresh-token';
/** Refresh this long before the access token expires, so no request carries a dying token. */
const REFRESH_MARGIN_MS = 60_000;

export interface SessionSnapshot {
  status: 'restoring' | 'signed-out' | 'signed-in';
  user: SessionUser | undefined;
}

type AuthApi = Pick<MasetraClient['auth'], 'login' | 'refresh' | 'logout' | 'changePassword'>;

/**
 * When a JWT just received expires, on this browser's clock: its lifetime (`exp - iat`) from now,
 * so a clock that differs from the server's neither refreshes endlessly nor too late. `0` when unknown.
 */
function expiryOf(accessToken: string): number {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { exp, iat } = JSON.parse(json) as { exp?: number; iat?: number };
    if (typeof exp !== 'number') return 0;
    return typeof iat === 'number' ? Date.now() + (exp - iat) * 1000 : exp * 1000;
  } catch {
    return 0;
  }
}

function storedRefreshToken(): string | null {
  try {
    return sessionStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

function storeRefreshToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(REFRESH_KEY, token);
    else sessionStorage.removeItem(REFRESH_KEY);
  } catch {
    // Storage may be disabled: the session then lasts as long as the page.
  }
}

export interface Session {
  snapshot(): SessionSnapshot;
  subscribe(listener: () => void): () => void;
  /** The bearer token for the next request, refreshed first when it is about to expire. */
  accessToken(): Promise<string | undefined>;
  /** Connects the auth API; the client needs the session's token source first, so this comes second. */
  connect(auth: AuthApi): void;
  /** Signs in again from the stored refresh token after a reload, if there is one. */
  restore(): Promise<void>;
  signIn(credentials: {
    email: string;
    password: string;
    otp?: string;
    recoveryCode?: string;
  }): Promise<void>;
  /** Takes the tokens of a sign-in finished elsewhere (single sign-on's callback). */
  adopt(tokens: Tokens): void;
  changePassword(input: { email: string; currentPassword: string; newPassword: string }): Promise<void>;
  signOut(): Promise<void>;
  /** Ends the session locally after the server said it is over (a 401). */
  expire(): void;
  /** Shows what the server confirmed changed about the signed-in user (their language), without a new sign-in. */
  updateUser(changes: Partial<Tokens['user']>): void;
}

export function createSession(): Session {
  let auth: AuthApi | undefined;
  let tokens: { access: string; expiresAt: number; refresh: string } | undefined;
  let current: SessionSnapshot = { status: 'restoring', user: undefined };
  let refreshing: Promise<void> | undefined;
  const listeners = new Set<() => void>();

  const publish = (next: SessionSnapshot) => {
    current = next;
    for (const listener of listeners) listener();
  };

  const accept = (result: Tokens) => {
    tokens = {
      access: result.accessToken,
      expiresAt: expiryOf(result.accessToken),
      refresh: result.refreshToken,
    };
    storeRefreshToken(result.refreshToken);
    publish({ status: 'signed-in', user: result.user });
  };

  const clear = () => {
    tokens = undefined;
    storeRefreshToken(null);
    publish({ status: 'signed-out', user: undefined });
  };

  const api = (): AuthApi => {
    if (!auth) throw new Error('The session is not connected to the API yet.');
    return auth;
  };

  /** One refresh at a time: refresh tokens are single-use, and reuse revokes the session. */
  const refresh = (refreshToken: string): Promise<void> => {
    refreshing ??= api()
      .refresh({ refreshToken })
      .then(accept, (error: unknown) => {
        clear();
        throw error;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  return {
    snapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async accessToken() {
      if (refreshing) await refreshing.catch(() => undefined);
      if (!tokens) return undefined;
      if (tokens.expiresAt - Date.now() < REFRESH_MARGIN_MS) {
        await refresh(tokens.refresh).catch(() => undefined);
      }
      return tokens?.access;
    },
    connect(authApi) {
      auth = authApi;
    },
    async restore() {
      const refreshToken = storedRefreshToken();
      if (!refreshToken) return clear();
      await refresh(refreshToken).catch(() => undefined);
    },
    async signIn(credentials) {
      accept(await api().login(credentials));
    },
    adopt: (result) => accept(result),
    async changePassword(input) {
      accept(await api().changePassword(input));
    },
    async signOut() {
      const refreshToken = tokens?.refresh;
      try {
        if (refreshToken) await api().logout({ refreshToken });
      } finally {
        clear();
      }
    },
    expire: clear,
    updateUser(changes) {
      if (current.user) publish({ ...current, user: { ...current.user, ...changes } });
    },
  };
}
