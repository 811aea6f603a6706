import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const SEALED = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key client secrets are sealed with, derived from the JWT secret (HKDF-SHA-256, its own
 * label): a copy of the database alone does not give anyone the organization's client secret.
 */
export function ssoSecretKey(jwtSecret: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'masetra', 'sso client secrets at rest', 32));
}

/** AES-256-GCM, bound to the provider row: a sealed secret copied to another row does not open. */
export function sealClientSecret(key: Buffer, providerId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(providerId));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The client secret; throws when the stored value was tampered with or sealed with another key. */
export function openClientSecret(key: Buffer, providerId: string, stored: string): string {
  if (!stored.startsWith(SEALED)) throw new Error('The stored client secret is not sealed');
  const bytes = Buffer.from(stored.slice(SEALED.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(providerId));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
