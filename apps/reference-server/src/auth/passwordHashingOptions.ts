/**
 * argon2id cost. The defaults are OWASP's minimum for argon2id (19 MiB, 2 passes); tests pass
 * lighter ones. Verification reads the cost from the stored hash, so both kinds of hash verify.
 */
export interface PasswordHashingOptions {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const defaultPasswordHashing: PasswordHashingOptions = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};
