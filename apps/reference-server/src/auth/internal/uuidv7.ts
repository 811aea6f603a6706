import { randomFillSync } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562): time-ordered like the rest of Masetra's ids, so the auth tables index
 * as well as server-kit's. Written out because `uuid` is server-kit's dependency, not ours.
 */
export function uuidv7(): string {
  const bytes = randomFillSync(new Uint8Array(16));
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
