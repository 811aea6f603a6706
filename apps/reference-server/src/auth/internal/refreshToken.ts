import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: an opaque token, meaningful only through its row. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps instead of the token, so a copy of the table lets no one in.
 * A plain SHA-256 suffices: the token is random, not a guessable password.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
