import { recordTypes } from '@masetra/core';
import { authRoutes } from '@masetra/core/auth';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient } from '../createClient';
import { isClientValidationError } from '../errors/ClientValidationError';
import { isNetworkError } from '../errors/NetworkError';
import { isProblemError, type ProblemError } from '../errors/ProblemError';
import { isResponseValidationError } from '../errors/ResponseValidationError';
import { baseUrl, deviationFixture, url, useMockServer } from './testing/mockServer';
import { createTransport } from './transport';

const server = useMockServer();
const noWait = { limit: 2, delay: () => 0 };
const sessionUser = {
  id: 'user-1',
  orgId: 'org-1',
  email: 'dana@example.com',
  displayName: 'Dana Reyes',
  roles: ['qa_manager'],
  mfaEnrolled: false,
  mustChangePassword: false,
};

describe('retries', () => {
  it('retries a create after a 503 with the same Idempotency-Key', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(url('/deviations'), ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json(deviationFixture(), { status: 201 });
      }),
    );
    const deviations = createClient({ baseUrl, retry: noWait }).records(recordTypes.deviation);
    await deviations.create({ title: 'Cold room 2 above 8 °C' });
    expect(keys).toHaveLength(2);
    // A fresh UUID per create, repeated unchanged by the retry.
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('retries a read after a network failure and after 502 and 504', async () => {
    const record = deviationFixture();
    let attempts = 0;
    server.use(
      http.get(url('/deviations/:id'), () => {
        attempts += 1;
        if (attempts === 1) return HttpResponse.error();
        if (attempts === 2) return new HttpResponse('Bad gateway', { status: 502 });
        if (attempts === 3) return new HttpResponse(null, { status: 504 });
        return HttpResponse.json(record);
      }),
    );
    const deviations = createClient({ baseUrl, retry: { limit: 3, delay: () => 0 } }).records('deviation');
    await expect(deviations.get(record.id)).resolves.toEqual(record);
    expect(attempts).toBe(4);
  });

  it('does not retry a request that could act twice (a rotating token refresh)', async () => {
    let attempts = 0;
    server.use(
      http.post(url('/auth/refresh'), () => {
        attempts += 1;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const client = createClient({ baseUrl, retry: noWait });
    await expect(client.auth.refresh({ refreshToken: 'r1' })).rejects.toMatchObject({ status: 503 });
    expect(attempts).toBe(1);
  });

  it('does not retry a 500 or a 4xx', async () => {
    let attempts = 0;
    server.use(
      http.get(url('/me'), () => {
        attempts += 1;
        return new HttpResponse(null, { status: attempts === 1 ? 500 : 404 });
      }),
    );
    const client = createClient({ baseUrl, retry: noWait });
    await expect(client.auth.me()).rejects.toMatchObject({ status: 500 });
    await expect(client.auth.me()).rejects.toMatchObject({ status: 404 });
    expect(attempts).toBe(2);
  });
});

describe('errors', () => {
  it('turns problem+json into a ProblemError with its field errors', async () => {
    const record = deviationFixture();
    const problem = {
      type: 'https://masetra.dev/problems/transition-refused',
      title: 'Transition refused',
      status: 422,
      detail: 'The deviation lacks what in_assessment requires.',
      code: 'required_fields_missing',
      errors: [
        { pointer: '/area', detail: 'Required.' },
        { pointer: '/occurredAt', detail: 'Required.' },
      ],
    };
    server.use(
      http.post(url('/deviations/:id/transitions'), () =>
        HttpResponse.json(problem, { status: 422, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    const deviations = createClient({ baseUrl, retry: 0 }).records('deviation');
    const error = await deviations
      .transition(record.id, { event: 'SUBMIT' }, { version: 1 })
      .catch((caught) => caught);
    expect(isProblemError(error)).toBe(true);
    expect(isClientValidationError(error)).toBe(false);
    const typed = error as ProblemError;
    expect(typed).toMatchObject({
      status: 422,
      type: problem.type,
      title: problem.title,
      code: 'required_fields_missing',
    });
    expect(typed.errors).toEqual(problem.errors);
    expect(typed.problem).toEqual(problem);
    expect(typed.message).toBe(problem.detail);
  });

  it('describes a non-problem error answer by its status, and a bare 412 as stale_version', async () => {
    const record = deviationFixture();
    server.use(
      http.get(
        url('/deviations/:id'),
        () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
      ),
      http.patch(url('/deviations/:id'), () => new HttpResponse(null, { status: 412 })),
    );
    const deviations = createClient({ baseUrl, retry: 0 }).records('deviation');
    await expect(deviations.get(record.id)).rejects.toMatchObject({
      name: 'ProblemError',
      status: 502,
      type: 'about:blank',
      title: 'Bad Gateway',
      errors: [],
    });
    await expect(deviations.update(record.id, { area: 'Lab' }, { version: 1 })).rejects.toMatchObject({
      status: 412,
      code: 'stale_version',
    });
  });

  it('raises a ResponseValidationError when a success answer breaks the contract', async () => {
    const { version: _dropped, ...withoutVersion } = deviationFixture();
    server.use(
      http.get(url('/deviations/:id'), () =>
        HttpResponse.json({ ...withoutVersion, severity: 'apocalyptic' }),
      ),
    );
    const deviations = createClient({ baseUrl, retry: 0 }).records('deviation');
    const error = await deviations.get(withoutVersion.id).catch((caught) => caught);
    expect(isResponseValidationError(error)).toBe(true);
    expect(error).toMatchObject({ routeId: 'deviations.get', status: 200 });
    expect(error.errors.map((issue: { pointer: string }) => issue.pointer).sort()).toEqual([
      '/severity',
      '/version',
    ]);
  });

  it('raises a ResponseValidationError when a JSON route answers with something else', async () => {
    server.use(http.get(url('/me'), () => HttpResponse.text('<html>login page</html>')));
    const error = await createClient({ baseUrl, retry: 0 })
      .auth.me()
      .catch((caught) => caught);
    expect(isResponseValidationError(error)).toBe(true);
  });

  it('raises a NetworkError when no answer comes', async () => {
    server.use(http.get(url('/me'), () => HttpResponse.error()));
    const error = await createClient({ baseUrl, retry: 0 })
      .auth.me()
      .catch((caught) => caught);
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'NetworkError', timedOut: false });
  });

  it('raises a NetworkError marked timedOut when the server is too slow', async () => {
    server.use(
      http.get(url('/me'), async () => {
        await delay(500);
        return HttpResponse.json(sessionUser);
      }),
    );
    const error = await createClient({ baseUrl, retry: 0, timeout: 20 })
      .auth.me()
      .catch((caught) => caught);
    expect(error).toMatchObject({ name: 'NetworkError', timedOut: true });
  });
});

describe('abort', () => {
  it('aborts a request in flight', async () => {
    let reached = false;
    server.use(
      http.get(url('/me'), async () => {
        reached = true;
        await delay('infinite');
        return HttpResponse.json(sessionUser);
      }),
    );
    const controller = new AbortController();
    const pending = createClient({ baseUrl, retry: 0 }).auth.me({ signal: controller.signal });
    await expect.poll(() => reached).toBe(true);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('sends nothing when the signal is already aborted, and stops an iteration', async () => {
    let requests = 0;
    server.use(
      http.get(url('/deviations'), () => {
        requests += 1;
        return HttpResponse.json({ items: [deviationFixture()], nextCursor: 'next' });
      }),
    );
    const deviations = createClient({ baseUrl, retry: 0 }).records('deviation');
    const controller = new AbortController();
    controller.abort();
    await expect(deviations.list({}, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(requests).toBe(0);

    const iteration = new AbortController();
    const seen: string[] = [];
    const iterate = async () => {
      for await (const deviation of deviations.iterate({}, { signal: iteration.signal })) {
        seen.push(deviation.id);
        if (seen.length === 2) iteration.abort();
      }
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toBe(2);
  });

  it('aborts a retry that is waiting for its backoff', async () => {
    let attempts = 0;
    server.use(
      http.get(url('/me'), () => {
        attempts += 1;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const controller = new AbortController();
    const pending = createClient({ baseUrl, retry: { limit: 2, delay: () => 60_000 } }).auth.me({
      signal: controller.signal,
    });
    await expect.poll(() => attempts).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(attempts).toBe(1);
  });
});

describe('auth and administration', () => {
  it('signs in without a bearer token and sends it afterwards', async () => {
    const authorization: Record<string, string | null> = {};
    let token: string | undefined;
    server.use(
      http.post(url('/auth/login'), async ({ request }) => {
        authorization.login = request.headers.get('authorization');
        expect(await request.json()).toEqual({ email: 'dana@example.com', password: 'pw' });
        return HttpResponse.json({ accessToken: 'a1', refreshToken: 'r1', user: sessionUser });
      }),
      http.get(url('/me'), ({ request }) => {
        authorization.me = request.headers.get('authorization');
        return HttpResponse.json(sessionUser);
      }),
    );
    const client = createClient({ baseUrl, retry: 0, getToken: () => token ?? 'stale' });
    // The contract lower-cases and trims the e-mail before it is sent.
    const tokens = await client.auth.login({ email: '  Dana@Example.com ', password: 'pw' });
    token = tokens.accessToken;
    await expect(client.auth.me()).resolves.toEqual(sessionUser);
    expect(authorization).toEqual({ login: null, me: 'Bearer a1' });
  });

  it('sends the bearer token exactly on the routes the contract does not mark public', async () => {
    const authorization = new Map<string, string | null>();
    server.use(
      http.all(url('/*'), ({ request }) => {
        authorization.set(
          new URL(request.url).pathname.replace('/api/v1', ''),
          request.headers.get('authorization'),
        );
        const tokens = { accessToken: 'a1', refreshToken: 'r1', user: sessionUser };
        if (request.url.endsWith('/me')) return HttpResponse.json(sessionUser);
        if (request.url.endsWith('/auth/totp'))
          return HttpResponse.json({
            secret: 'S',
            otpauthUrl: 'otpauth://x',
            qrCode: 'data:image/svg+xml;base64,',
          });
        if (request.url.endsWith('/auth/totp/confirm'))
          return HttpResponse.json({ ok: true, recoveryCodes: [] });
        if (/\/auth\/(login|refresh|password|setup)$/.test(request.url)) return HttpResponse.json(tokens);
        if (request.url.endsWith('/auth/forgot-password'))
          return HttpResponse.json({ ok: true }, { status: 202 });
        return HttpResponse.json({ ok: true });
      }),
    );
    let tokenAsked = 0;
    const client = createClient({
      baseUrl,
      retry: 0,
      getToken: () => {
        tokenAsked += 1;
        return 't1';
      },
    });
    await client.auth.login({ email: 'dana@example.com', password: 'pw' });
    await client.auth.refresh({ refreshToken: 'r0' });
    await client.auth.changePassword({ email: 'dana@example.com', currentPassword: 'a', newPassword: 'b' });
    await client.auth.forgotPassword({ email: 'dana@example.com' });
    await client.auth.setUpAccount({ token: 'a-token-of-twenty-or-more', newPassword: 'b' });
    await client.auth.me();
    await client.auth.beginTotp({ password: 'correct horse' });
    await client.auth.confirmTotp({ otp: '123456' });
    await client.auth.logout({});
    const exercised = Object.values(authRoutes).filter((route) => authorization.has(route.path));
    expect(exercised.map((route) => route.id).sort()).toEqual([
      'auth.beginTotp',
      'auth.changePassword',
      'auth.confirmTotp',
      'auth.forgotPassword',
      'auth.login',
      'auth.logout',
      'auth.me',
      'auth.refresh',
      'auth.setUpAccount',
    ]);
    for (const route of exercised) {
      expect(authorization.get(route.path), route.id).toBe(route.public ? null : 'Bearer t1');
    }
    // The token source is not even asked for a public route.
    expect(tokenAsked).toBe(exercised.filter((route) => !route.public).length);
  });

  it("follows the route's own public flag, not a list of route ids", async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(url('/me'), ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json(sessionUser);
      }),
    );
    const send = createTransport({ baseUrl, retry: 0, getToken: () => 't1' });
    await send(authRoutes.me);
    await send({ ...authRoutes.me, public: true });
    expect(seen).toEqual(['Bearer t1', null]);
  });

  it('builds paths from the contract templates with URL-encoded ids', async () => {
    let path = '';
    server.use(
      http.patch(url('/users/*'), ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json({
          id: 'ext/a b',
          orgId: 'org-1',
          email: 'x@example.com',
          displayName: 'X',
          roles: [],
          active: false,
          createdAt: '2026-11-25T10:00:00.000Z',
        });
      }),
    );
    await createClient({ baseUrl, retry: 0 }).users.update('ext/a b', { active: false });
    expect(path).toBe('/api/v1/users/ext%2Fa%20b');
  });

  it('refuses an id the route does not accept, before sending', async () => {
    const deviations = createClient({ baseUrl, retry: 0 }).records('deviation');
    await expect(deviations.get('../users')).rejects.toMatchObject({
      name: 'ClientValidationError',
      errors: [expect.objectContaining({ pointer: '/id' })],
    });
  });
});

describe('audit trail and notifications', () => {
  it('exports CSV as text, verifies the chain and marks a notification read', async () => {
    const notification = {
      id: crypto.randomUUID(),
      kind: 'assigned',
      recordType: 'deviation',
      recordId: null,
      title: 'You own DEV-2026-0001',
      body: null,
      createdAt: '2026-11-25T10:00:00.000Z',
      readAt: '2026-11-25T11:00:00.000Z',
    };
    let exportQuery = '';
    server.use(
      http.get(url('/audit-trail/export.csv'), ({ request }) => {
        exportQuery = new URL(request.url).search;
        return HttpResponse.text('seq,at\n1,2026-11-25T10:00:00.000Z\n', {
          headers: { 'content-type': 'text/csv' },
        });
      }),
      http.get(url('/audit-trail/verify'), () =>
        HttpResponse.json({ ok: false, entries: 3, brokenAt: { seq: 2, id: 'e2', reason: 'entry_changed' } }),
      ),
      http.post(url('/notifications/:id/read'), () => HttpResponse.json(notification)),
    );
    const client = createClient({ baseUrl, retry: 0 });
    await expect(
      client.auditTrail.exportCsv({ recordType: 'deviation', from: '2026-01-01T00:00:00Z' }),
    ).resolves.toBe('seq,at\n1,2026-11-25T10:00:00.000Z\n');
    expect(exportQuery).toBe('?recordType=deviation&from=2026-01-01T00%3A00%3A00Z');
    await expect(client.auditTrail.verify()).resolves.toEqual({
      ok: false,
      entries: 3,
      brokenAt: { seq: 2, id: 'e2', reason: 'entry_changed' },
    });
    await expect(client.notifications.read(notification.id)).resolves.toEqual(notification);
  });
});
