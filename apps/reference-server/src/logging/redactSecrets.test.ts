/** No log line carries a credential: bearer tokens, cookies, passwords, one-time codes, tokens, links. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { redactSecrets, redactUrl } from './redactSecrets';

const lines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

let server: RunningReferenceServer;
beforeAll(async () => {
  // A host's plain logger, as main.ts or a vendor would pass it: the server adds the redaction.
  server = await startReferenceServer({ logger: pino({ level: 'debug' }, capture) });
}, 120_000);
afterAll(() => server.close());

describe('what the server logs', () => {
  it('keeps the bearer token, the cookie and the password of a request out of its log line', async () => {
    const login = await fetch(`${server.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'masetra_session=cookie-secret-4711' },
      body: JSON.stringify({ email: 'qa@acme.example', password: DEMO_PASSWORD }),
    });
    const { accessToken, refreshToken } = (await login.json()) as {
      accessToken: string;
      refreshToken: string;
    };
    const me = await fetch(`${server.apiUrl}/me?token=query-secret-0815`, {
      headers: { authorization: `Bearer ${accessToken}`, cookie: 'masetra_session=cookie-secret-4711' },
    });
    expect(me.status).toBe(200);
    await fetch(`${server.apiUrl}/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'qa@acme.example',
        currentPassword: 'Wrong-password-1',
        newPassword: 'x',
      }),
    });

    const log = lines.join('');
    // The requests were logged, headers and all, so an absence below means something.
    expect(log).toContain('"url":"/api/v1/me?token=%5Bredacted%5D"');
    expect(log).toContain('"authorization":"[redacted]"');
    expect(log).toContain('"cookie":"[redacted]"');
    for (const secret of [
      accessToken,
      refreshToken,
      'cookie-secret-4711',
      'query-secret-0815',
      DEMO_PASSWORD,
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('redacts secrets wherever a log call puts them', () => {
    const written: string[] = [];
    const logger = redactSecrets(
      pino(
        { level: 'info' },
        new Writable({
          write(chunk, _encoding, done) {
            written.push(String(chunk));
            done();
          },
        }),
      ),
    );
    logger.info(
      {
        body: { password: 'pw-1', otp: '123456', newPassword: 'pw-2' },
        setupLink: 'http://localhost:3000/setup#token=link-secret',
        event: { details: { token: 'token-secret', refreshToken: 'refresh-secret' } },
      },
      'something happened',
    );
    const line = written.join('');
    expect(line).toContain('something happened');
    for (const secret of ['pw-1', '123456', 'pw-2', 'link-secret', 'token-secret', 'refresh-secret']) {
      expect(line).not.toContain(secret);
    }
  });

  it('replaces the values of secret query parameters and leaves the rest of a URL', () => {
    expect(redactUrl('/api/v1/deviations?limit=5&code=abc&q=pump')).toBe(
      '/api/v1/deviations?limit=5&code=%5Bredacted%5D&q=pump',
    );
    expect(redactUrl('/api/v1/deviations?limit=5')).toBe('/api/v1/deviations?limit=5');
  });
});
