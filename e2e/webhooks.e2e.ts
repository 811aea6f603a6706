// Outbound webhooks: an administrator registers an endpoint for a receiver this test runs, a
// deviation is moved, the receiver gets the signed event, and the endpoint's deliveries table
// shows it delivered.

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { api } from './support/api';
import {
  chromiumForFile,
  DEMO_PASSWORD,
  demoOrigin,
  openDemoPage,
  screenshot,
  signIn,
} from './support/browser';

const browser = chromiumForFile();

test('an administrator registers a webhook and sees a moved record delivered', async () => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/masetra-e2e`;
  const { context, page, errors } = await openDemoPage(browser(), 'webhooks');
  try {
    await signIn(page, 'admin@acme.example');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByLabel('URL').fill(url);
    await page.getByRole('checkbox', { name: 'Deviation moved' }).check();
    await page.getByRole('button', { name: 'Register endpoint' }).click();
    // The secret, shown this once.
    const secret = (await page.getByText(/^whsec_/).textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    const endpoint = page.getByRole('listitem').filter({ hasText: url });
    await endpoint.waitFor();

    // An originator raises a deviation and submits it: a move.
    const { accessToken } = await api('/auth/login', {
      body: { email: 'originator@acme.example', password: DEMO_PASSWORD },
    });
    const deviation = await api('/deviations', {
      token: accessToken,
      body: {
        title: 'Webhook e2e: temperature excursion',
        description: 'Logger showed 9.1 °C for 40 min.',
        occurredAt: new Date().toISOString(),
        area: 'Warehouse',
        severity: 'minor',
      },
    });
    const moved = await fetch(`${demoOrigin()}/api/v1/deviations/${deviation.id}/transitions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        'if-match': `"${deviation.version}"`,
      },
      body: JSON.stringify({ event: 'SUBMIT' }),
    });
    expect(moved.status, await moved.text()).toBe(200);

    // The outbox fans the event out and sends it (the worker polls each second).
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const [delivery] = received;
    expect(delivery?.headers['webhook-signature']).toMatch(/^v1,/);
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
      type: 'deviation.transitioned',
      data: { number: deviation.number, event: 'transitioned' },
    });

    // The try is logged right after the receiver answered; the table is read once it is.
    const admin = await api('/auth/login', {
      body: { email: 'admin@acme.example', password: DEMO_PASSWORD },
    });
    const webhooks = await api('/webhooks', { token: admin.accessToken });
    const registered = webhooks.items.find((item: { url: string }) => item.url === url);
    await expect
      .poll(
        async () =>
          (await api(`/webhooks/${registered.id}/deliveries`, { token: admin.accessToken })).items.length,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    await endpoint.getByRole('button', { name: 'Deliveries' }).click();
    const table = endpoint.getByRole('table', { name: 'Deliveries, newest first' });
    const row = table.getByRole('row').filter({ hasText: deviation.number });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'Delivered' }).count()).toBe(1);
    expect(await row.getByRole('cell', { name: '200', exact: true }).count()).toBe(1);
    await screenshot(page, 'webhooks-delivered');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await new Promise((resolve) => receiver.close(resolve));
  }
});
