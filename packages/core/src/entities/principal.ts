/** Who makes a request, as the host's `authenticate` returns it. */
export interface Principal {
  userId: string;
  displayName: string;
  orgId: string;
  roles: readonly string[];
  /** The host's session, when it has one; signing rules may depend on it (21 CFR 11.200(a)(1)). */
  sessionId?: string;
}
