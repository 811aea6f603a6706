import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Marks a sealed secret; a stored value without it is from before secrets were sealed. */
const SEALED = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key TOTP secrets are sealed with, derived from the JWT secret (HKDF-SHA-256): a copy of
 * the database alone (a backup, a replica) does not give anyone the users' second factors,
 * and no further secret needs configuring. Whoever holds the JWT secret can mint sessions anyway.
 */
export function totpSecretKey(jwtSecret: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'masetra', 'totp secrets at rest', 32));
}

/** AES-256-GCM, bound to the user: a sealed secret copied to another user's row does not open. */
export function sealTotpSecret(key: Buffer, userId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The secret as the authenticator app holds it; throws when the stored value was tampered with. */
export function openTotpSecret(key: Buffer, userId: string, stored: string): string {
  if (!stored.startsWith(SEALED)) return stored;
  const bytes = Buffer.from(stored.slice(SEALED.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
