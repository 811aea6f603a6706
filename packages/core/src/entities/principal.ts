import type { SupportedLocale } from './user';

/** Who makes a request, as the host's `authenticate` returns it. */
export interface Principal {
  userId: string;
  displayName: string;
  orgId: string;
  roles: readonly string[];
  /** The host's session, when it has one; signing rules may depend on it (21 CFR 11.200(a)(1)). */
  sessionId?: string;
  /** The language the user reads, when the host knows it: exports and messages written for them use it. */
  locale?: SupportedLocale;
}
