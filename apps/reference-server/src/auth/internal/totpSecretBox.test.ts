import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTotpKeyRing, needsReseal, openTotpSecret, sealTotpSecret } from './totpSecretBox';

const jwtSecret = randomBytes(48);
const keyA = { kid: 'a2026', key: randomBytes(32) };
const keyB = { kid: 'b2027', key: randomBytes(32) };
const ring = createTotpKeyRing(jwtSecret, [keyA]);
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TOTP secrets at rest', () => {
  it('opens what it sealed, and seals the same secret differently each time', () => {
    const first = sealTotpSecret(ring, 'user-1', secret);
    expect(openTotpSecret(ring, 'user-1', first)).toBe(secret);
    expect(sealTotpSecret(ring, 'user-1', secret)).not.toBe(first);
  });

  it('refuses another user, another key and any altered byte', () => {
    const sealed = sealTotpSecret(ring, 'user-1', secret);
    expect(() => openTotpSecret(ring, 'user-2', sealed)).toThrow();
    const otherKeySameKid = createTotpKeyRing(jwtSecret, [{ kid: keyA.kid, key: randomBytes(32) }]);
    expect(() => openTotpSecret(otherKeySameKid, 'user-1', sealed)).toThrow();
    const prefix = `v2.${keyA.kid}.`;
    const bytes = Buffer.from(sealed.slice(prefix.length), 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openTotpSecret(ring, 'user-1', `${prefix}${bytes.toString('base64url')}`)).toThrow();
  });

  it('passes a secret stored in clear before sealing through unchanged', () => {
    expect(openTotpSecret(ring, 'user-1', secret)).toBe(secret);
  });
});

describe('a key of its own, with a key id (rotation)', () => {
  it('writes the current key id beside the secret, and uses no key derived from the JWT secret', () => {
    const sealed = sealTotpSecret(ring, 'user-1', secret);
    expect(sealed.startsWith(`v2.${keyA.kid}.`)).toBe(true);
    // A ring with the same JWT secret but without key A cannot open it: the JWT secret alone is not enough.
    const jwtOnly = createTotpKeyRing(jwtSecret);
    expect(() => openTotpSecret(jwtOnly, 'user-1', sealed)).toThrow(/a2026/);
    // And another JWT secret with key A opens it: rotating the JWT secret leaves TOTP secrets alone.
    expect(openTotpSecret(createTotpKeyRing(randomBytes(48), [keyA]), 'user-1', sealed)).toBe(secret);
  });

  it('opens secrets of the older keys after a new key is put first, and seals with the new one', () => {
    const underA = sealTotpSecret(ring, 'user-1', secret);
    const rotated = createTotpKeyRing(jwtSecret, [keyB, keyA]);
    expect(openTotpSecret(rotated, 'user-1', underA)).toBe(secret);
    expect(needsReseal(rotated, underA)).toBe(true);
    const underB = sealTotpSecret(rotated, 'user-1', secret);
    expect(underB.startsWith(`v2.${keyB.kid}.`)).toBe(true);
    expect(needsReseal(rotated, underB)).toBe(false);
    // Once key A is gone, only what was resealed opens.
    const onlyB = createTotpKeyRing(jwtSecret, [keyB]);
    expect(openTotpSecret(onlyB, 'user-1', underB)).toBe(secret);
    expect(() => openTotpSecret(onlyB, 'user-1', underA)).toThrow();
  });

  it('still opens secrets sealed with the legacy JWT-derived key (v1), and marks them for resealing', () => {
    const legacyRing = createTotpKeyRing(jwtSecret);
    const legacy = sealTotpSecret(legacyRing, 'user-1', secret);
    expect(legacy.startsWith('v1.')).toBe(true);
    expect(openTotpSecret(ring, 'user-1', legacy)).toBe(secret);
    expect(needsReseal(ring, legacy)).toBe(true);
    expect(needsReseal(ring, secret)).toBe(true);
  });

  it('cannot be relabelled: a secret under key A does not open as key B', () => {
    const rotated = createTotpKeyRing(jwtSecret, [keyB, keyA]);
    const underA = sealTotpSecret(rotated, 'user-1', secret).replace(`v2.${keyB.kid}.`, `v2.${keyA.kid}.`);
    expect(() => openTotpSecret(rotated, 'user-1', underA)).toThrow();
  });

  it('refuses a short key, a bad key id and a key id given twice', () => {
    expect(() => createTotpKeyRing(jwtSecret, [{ kid: 'k', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => createTotpKeyRing(jwtSecret, [{ kid: 'bad kid', key: randomBytes(32) }])).toThrow(/key id/);
    expect(() => createTotpKeyRing(jwtSecret, [keyA, { ...keyA }])).toThrow(/twice/);
  });
});
