/**
 * A signature by a single sign-on user (21 CFR 11.200): in place of the password, the signer
 * sends the single-use proof of a re-authentication at their identity provider
 * (`prompt=login`, `max_age=0`), which the provider asked both components for. The proof is
 * good once, for its session, within two minutes of the provider's `auth_time`, and only while
 * its subject is still the one linked to the signer.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthSsoLinksTable, AuthSsoProofsTable } from '../sso/ssoDatabase';
import type { AuthDatabase } from './authDatabase';
import type { AuthContext } from './internal/authContext';

/** Marks a re-authentication proof (createSso.ts issues them). */
export const SSO_PROOF_PREFIX = 'ssoproof_';
/** How long after the provider's login a proof signs (REAUTH_MAX_AGE_SECONDS of createSso.ts). */
const PROOF_MAX_AGE_MS = 120_000;

type ProofDb = Kysely<
  AuthDatabase & { auth_sso_proofs: AuthSsoProofsTable; auth_sso_links: AuthSsoLinksTable }
>;

export function isSsoProof(secret: string): boolean {
  return secret.startsWith(SSO_PROOF_PREFIX);
}

export type SsoProofVerdict = 'ok' | 'invalid' | 'stale';

/** Spends the proof (whatever the verdict: it never counts twice) and says whether it signs. */
export async function spendSsoProof(
  ctx: AuthContext,
  input: { userId: string; sessionId?: string; proof: string },
): Promise<SsoProofVerdict> {
  const db = ctx.db as unknown as ProofDb;
  const now = ctx.clock();
  const proof = await db
    .updateTable('auth_sso_proofs')
    .set({ used_at: now })
    .where('proof_hash', '=', createHash('sha256').update(input.proof).digest('hex'))
    .where('user_id', '=', input.userId)
    .where('used_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!proof || proof.session_id !== (input.sessionId ?? null)) return 'invalid';
  const link = await db
    .selectFrom('auth_sso_links')
    .select(['issuer', 'subject'])
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  if (!link || link.issuer !== proof.issuer || link.subject !== proof.subject) return 'invalid';
  const authTime = new Date(proof.auth_time).getTime();
  if (now.getTime() > new Date(proof.expires_at).getTime() || now.getTime() - authTime > PROOF_MAX_AGE_MS)
    return 'stale';
  return 'ok';
}
