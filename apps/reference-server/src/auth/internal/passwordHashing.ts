import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHashingOptions } from '../passwordHashingOptions';

// The same password typed on two keyboards can arrive in two Unicode forms (NIST SP 800-63B 5.1.1.2).
function normalize(password: string): string {
  return password.normalize('NFKC');
}

/** An argon2id PHC string (argon2id is @node-rs/argon2's default algorithm). */
export function hashPassword(password: string, options: PasswordHashingOptions): Promise<string> {
  return hash(normalize(password), options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalize(password));
  } catch {
    // A malformed stored hash must refuse the login, not crash it.
    return false;
  }
}

/**
 * A hash of a random password, verified against when the e-mail is unknown, so an unknown
 * account costs the same argon2 work as a wrong password and timing does not tell them apart.
 */
export function createDecoyHash(options: PasswordHashingOptions): () => Promise<string> {
  let decoy: Promise<string> | undefined;
  return () => {
    decoy ??= hashPassword(randomBytes(32).toString('base64url'), options);
    return decoy;
  };
}

export function passwordLength(password: string): number {
  return [...normalize(password)].length;
}
