import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openTotpSecret, sealTotpSecret, totpSecretKey } from './totpSecretBox';

const key = totpSecretKey(randomBytes(48));
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TOTP secrets at rest', () => {
  it('opens what it sealed, and seals the same secret differently each time', () => {
    const first = sealTotpSecret(key, 'user-1', secret);
    expect(openTotpSecret(key, 'user-1', first)).toBe(secret);
    expect(sealTotpSecret(key, 'user-1', secret)).not.toBe(first);
  });

  it('refuses another user, another key and any altered byte', () => {
    const sealed = sealTotpSecret(key, 'user-1', secret);
    expect(() => openTotpSecret(key, 'user-2', sealed)).toThrow();
    expect(() => openTotpSecret(totpSecretKey(randomBytes(48)), 'user-1', sealed)).toThrow();
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openTotpSecret(key, 'user-1', `v1.${bytes.toString('base64url')}`)).toThrow();
  });

  it('passes a secret stored in clear before sealing through unchanged', () => {
    expect(openTotpSecret(key, 'user-1', secret)).toBe(secret);
  });
});
