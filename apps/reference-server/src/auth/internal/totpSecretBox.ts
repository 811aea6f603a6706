import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Sealed with the key derived from the JWT secret, before TOTP keys had their own setting. */
const LEGACY = 'v1.';
/** Sealed with a key of the ring: `v2.<kid>.<iv | tag | ciphertext, base64url>`. */
const KEYED = 'v2.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A configured key: its id, written beside every secret it seals, and at least 32 random bytes. */
export interface TotpKey {
  kid: string;
  key: Uint8Array;
}

/**
 * The keys TOTP secrets are sealed with: the current one seals, every one opens. Separate from
 * the JWT secret and named by a key id, so either can be rotated alone: a new key goes first
 * in the ring, the old stays behind it until `resealTotpSecrets` has moved every secret over.
 */
export interface TotpKeyRing {
  /** Null when no key is configured: secrets are then sealed with the legacy key. */
  current: { kid: string; key: Buffer } | null;
  byKid: ReadonlyMap<string, Buffer>;
  /** Opens secrets sealed before the ring (`v1.`), derived from the JWT secret. */
  legacy: Buffer;
}

/**
 * The legacy key, derived from the JWT secret (HKDF-SHA-256): what sealed secrets before
 * `MASETRA_TOTP_KEY` existed, and still opens them.
 */
export function totpSecretKey(jwtSecret: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'masetra', 'totp secrets at rest', 32));
}

/** The AES-256 key of a configured key: whatever its length, 32 bytes through HKDF. */
function derivedKey(key: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'masetra', 'totp secrets at rest v2', 32));
}

/** The ring of the configured keys (the first seals); without any, the legacy key seals as before. */
export function createTotpKeyRing(jwtSecret: Uint8Array, keys: readonly TotpKey[] = []): TotpKeyRing {
  const byKid = new Map<string, Buffer>();
  for (const { kid, key } of keys) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(kid))
      throw new RangeError(`TOTP key id "${kid}" is not 1 to 32 of A-Z a-z 0-9 - _`);
    if (key.byteLength < 32) throw new RangeError(`TOTP key "${kid}" must be at least 32 bytes`);
    if (byKid.has(kid)) throw new RangeError(`TOTP key id "${kid}" is given twice`);
    byKid.set(kid, derivedKey(key));
  }
  const first = keys[0];
  return {
    current: first ? { kid: first.kid, key: byKid.get(first.kid) as Buffer } : null,
    byKid,
    legacy: totpSecretKey(jwtSecret),
  };
}

function seal(key: Buffer, aad: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function open(key: Buffer, aad: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}

/**
 * AES-256-GCM with the ring's current key, bound to the user and the key id: a sealed secret
 * copied to another user's row, or relabelled with another kid, does not open. A copy of the
 * database alone (a backup, a replica) does not give anyone the users' second factors.
 */
export function sealTotpSecret(ring: TotpKeyRing, userId: string, secret: string): string {
  if (!ring.current) return LEGACY + seal(ring.legacy, userId, secret);
  const { kid, key } = ring.current;
  return `${KEYED}${kid}.${seal(key, `${kid}.${userId}`, secret)}`;
}

/** The secret as the authenticator app holds it; throws when it was tampered with or its key is gone. */
export function openTotpSecret(ring: TotpKeyRing, userId: string, stored: string): string {
  if (stored.startsWith(KEYED)) {
    const dot = stored.indexOf('.', KEYED.length);
    const kid = stored.slice(KEYED.length, dot);
    const key = dot > 0 ? ring.byKid.get(kid) : undefined;
    if (!key) throw new Error(`TOTP secret sealed with key "${kid}", which is not configured`);
    return open(key, `${kid}.${userId}`, stored.slice(dot + 1));
  }
  if (stored.startsWith(LEGACY)) return open(ring.legacy, userId, stored.slice(LEGACY.length));
  // Stored in clear, from before secrets were sealed.
  return stored;
}

/** Whether a stored secret is sealed otherwise than the ring's current key would seal it now. */
export function needsReseal(ring: TotpKeyRing, stored: string): boolean {
  if (!ring.current) return !stored.startsWith(LEGACY);
  return !stored.startsWith(`${KEYED}${ring.current.kid}.`);
}
