/**
 * The delivery's own guards, against a real receiver on loopback: a host name that resolves to a
 * private address is refused after the lookup (not only literal addresses), redirects are
 * answers and not followed, and a receiver that does not answer in time is given up on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNonPublicAddress } from './privateAddresses';
import { sendWebhook } from './sendWebhook';

let receiver: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/redirect') {
      response.writeHead(307, { location: '/target' }).end();
      return;
    }
    if (request.url === '/slow') return; // never answers
    response.end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

const send = (
  path: string,
  options: { allowPrivateAddresses?: boolean; host?: string; timeoutMs?: number } = {},
) =>
  sendWebhook({
    url: `http://${options.host ?? '127.0.0.1'}:${port}${path}`,
    headers: {},
    body: '{}',
    allowPrivateAddresses: options.allowPrivateAddresses,
    timeoutMs: options.timeoutMs,
  });

describe('sendWebhook', () => {
  it('refuses a host name that resolves to a loopback address, after the lookup', async () => {
    await expect(send('/named', { host: 'localhost' })).rejects.toThrow(/private, loopback or link-local/);
    expect(hits).not.toContain('/named');
    expect((await send('/named', { host: 'localhost', allowPrivateAddresses: true })).status).toBe(200);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const answer = await send('/redirect', { allowPrivateAddresses: true });
    expect(answer.status).toBe(307);
    expect(hits).not.toContain('/target');
  });

  it('gives up on a receiver that does not answer in time', async () => {
    await expect(send('/slow', { allowPrivateAddresses: true, timeoutMs: 200 })).rejects.toThrow(
      /no answer within 200 ms/,
    );
  });

  it('judges addresses: only public unicast passes', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      'not an address',
    ]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) {
      expect(isNonPublicAddress(address), address).toBe(false);
    }
  });
});
