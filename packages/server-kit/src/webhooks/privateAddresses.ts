import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether an address is anything but public unicast: loopback, private (RFC 1918, unique
 * local), link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * unspecified, reserved. IPv4 written as IPv6 (`::ffff:127.0.0.1`) is judged as IPv4.
 */
export function isNonPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  return ipaddr.process(address).range() !== 'unicast';
}

/** Thrown when an endpoint's host is or resolves to an address webhooks may not reach. */
export class NonPublicAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private, loopback or link-local address`);
    this.name = 'NonPublicAddressError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `http.request` that refuses hosts resolving to non-public addresses. It checks
 * the very addresses the connection then uses, so a name that resolves to a public address at
 * registration and to a private one at delivery (DNS rebinding) is refused too.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback: LookupCallback) => {
  dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isNonPublicAddress(entry.address));
    if (refused) return callback(new NonPublicAddressError(hostname, refused.address), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first)
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
};

/** Resolves a URL's host and says which non-public address it reaches, if any (registration's check). */
export async function nonPublicAddressOf(url: string): Promise<string | null> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return isNonPublicAddress(host) ? host : null;
  const { lookup } = await import('node:dns/promises');
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.find((entry) => isNonPublicAddress(entry.address))?.address ?? null;
  } catch {
    // An unknown host is no private one; delivery fails (and retries) until it resolves.
    return null;
  }
}
