import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type RecordedCall, recordRequests } from '../testing/recordRequests';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { fixtureWebhook, webhookHandlers } from '../testing/webhookHandlers';
import { WebhookSettings } from './WebhookSettings';

function setUp(options: Parameters<typeof webhookHandlers>[0] = {}) {
  const calls: RecordedCall[] = [];
  const rendered = renderWithQms(<WebhookSettings />, {
    handlers: [recordRequests(calls), ...webhookHandlers(options)],
  });
  return { calls, ...rendered };
}

describe('WebhookSettings', () => {
  it('registers an endpoint for the checked events and shows its secret once', async () => {
    const user = userEvent.setup();
    const { calls, container } = setUp();
    await screen.findByText(fixtureWebhook.url);
    const register = screen.getByRole('button', { name: 'Register endpoint' });
    expect((register as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText('URL'), 'https://lims.example.com/hooks');
    await user.click(screen.getByRole('checkbox', { name: 'Deviation moved' }));
    await user.click(screen.getByRole('checkbox', { name: 'CAPA created' }));
    await user.click(register);

    const secret = await screen.findByText(/^whsec_/);
    expect(within(screen.getByRole('alert')).getByText(/not shown again/)).toBeDefined();
    const created = calls.find((call) => call.method === 'POST' && call.url.pathname.endsWith('/webhooks'));
    expect(created?.body).toEqual({
      url: 'https://lims.example.com/hooks',
      description: '',
      eventTypes: ['deviation.transitioned', 'capa.created'],
    });
    expect(await screen.findByText('https://lims.example.com/hooks')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(secret.isConnected).toBe(false);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows the delivery log with status, response and duration, and replays a delivery', async () => {
    const user = userEvent.setup();
    const { calls } = setUp();
    await user.click(await screen.findByRole('button', { name: 'Deliveries' }));
    const table = await screen.findByRole('table', { name: 'Deliveries, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) => [...row.querySelectorAll('td')].slice(1, 6).map((cell) => cell.textContent)),
    ).toEqual([
      ['deviation.transitioned DEV-2026-0101', 'Delivered', '200', '84 ms', '2'],
      ['deviation.transitioned DEV-2026-0101', 'Failed', '500', '120 ms', '1'],
    ]);
    await user.click(within(rows[1]!).getByRole('button', { name: /^Replay deviation.transitioned/ }));
    expect(await screen.findByText('Queued to be sent again.')).toBeDefined();
    expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith('/replay'))).toBe(true);
  });

  it('rotates the secret, disables with If-Match, and deletes', async () => {
    const user = userEvent.setup();
    const { calls } = setUp();
    await user.click(await screen.findByRole('button', { name: 'Rotate secret' }));
    expect(await screen.findByText(/^whsec_/)).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(true));
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({ enabled: false });
    expect(patch?.headers.get('if-match')).toBe('"2"');
    await user.click(await screen.findByRole('button', { name: 'Enable' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No webhook endpoint is registered.')).toBeDefined();
  });

  it('tells someone who is no administrator what the server said', async () => {
    setUp({ forbidden: true });
    expect(await screen.findByRole('alert')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Register endpoint' })).toBeNull();
  });
});
