import type { AuthContext } from './internal/authContext';
import { needsReseal, openTotpSecret, sealTotpSecret } from './internal/totpSecretBox';

export interface ResealResult {
  /** Secrets (enrolled or pending) now sealed with the current key. */
  resealed: number;
  /** Secrets no configured key opens (their key was dropped from the ring too early): left as they are. */
  unreadable: string[];
}

/**
 * Moves every TOTP secret onto the current key of the ring: those sealed with an older key, with
 * the legacy JWT-derived key, or stored in clear. Run at start (the reference server does); once
 * it reports nothing unreadable, the older keys can leave `MASETRA_TOTP_KEY`. Each row is written
 * only if it still holds what was read, so replicas running it at once do no harm.
 *
 * @example
 * ```ts
 * const { resealed } = await auth.resealTotpSecrets();
 * ```
 */
export async function resealTotpSecrets(ctx: AuthContext): Promise<ResealResult> {
  const rows = await ctx.db
    .selectFrom('auth_credentials')
    .select(['user_id', 'totp_secret', 'totp_pending_secret'])
    .where((eb) => eb.or([eb('totp_secret', 'is not', null), eb('totp_pending_secret', 'is not', null)]))
    .execute();
  const result: ResealResult = { resealed: 0, unreadable: [] };
  for (const row of rows) {
    for (const column of ['totp_secret', 'totp_pending_secret'] as const) {
      const stored = row[column];
      if (stored === null || !needsReseal(ctx.totpKey, stored)) continue;
      let secret: string;
      try {
        secret = openTotpSecret(ctx.totpKey, row.user_id, stored);
      } catch {
        result.unreadable.push(row.user_id);
        continue;
      }
      const updated = await ctx.db
        .updateTable('auth_credentials')
        .set({ [column]: sealTotpSecret(ctx.totpKey, row.user_id, secret) })
        .where('user_id', '=', row.user_id)
        .where(column, '=', stored)
        .executeTakeFirst();
      if (updated.numUpdatedRows > 0n) result.resealed += 1;
    }
  }
  return result;
}
