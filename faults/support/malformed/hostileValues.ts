/** Values a careless client or an attacker sends: hostile strings, broken JSON, forged tokens, bad queries and headers. */
import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';

export const base64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');

/** Percent-encoding of the UTF-8 bytes (a lone surrogate becomes U+FFFD, as on the wire). */
export const percentEncode = (text: string) =>
  Array.from(Buffer.from(text, 'utf8'), (byte) =>
    /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');

/** HS256 tokens signed with the real secret but wrong in one claim, and some not signed at all. */
export function forgedTokens(secret: string): string[] {
  const key = Buffer.from(secret, 'base64');
  const sign = (header: object, payload: object) => {
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
  };
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'at+jwt' };
  const claims = {
    sub: randomUUID(),
    sid: randomUUID(),
    iss: 'masetra-reference-server',
    aud: 'masetra-api',
    iat: now,
    exp: now + 600,
  };
  return [
    sign(header, { ...claims, exp: now - 60 }),
    sign(header, { ...claims, iss: 'someone-else' }),
    sign(header, claims),
    sign({ ...header, typ: 'JWT' }, claims),
    sign(header, { ...claims, sub: 42, sid: { $ne: null } }),
    `${base64url(JSON.stringify({ alg: 'none', typ: 'at+jwt' }))}.${base64url(JSON.stringify(claims))}.`,
    'not-a-jwt',
    'a.b.c',
    '.'.repeat(3000),
  ];
}

/** Strings that break naive handling: control characters, NUL, lone surrogates, huge, RTL, SQL. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'before\u0000after',
    '\ud800',
    '\udfff\ud800',
    "'; DROP TABLE deviations; --",
    '\u202e\u0007\u001b[31m',
    '%00',
    '../../etc/passwd',
    '{{7*7}}',
    'a'.repeat(20_001),
    '😀'.repeat(300),
  ),
);

/** JSON texts that are not JSON, or not the JSON the route wants. */
export function jsonSyntax(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '',
      '{',
      '{"title":',
      '{"title": "a",}',
      "{'title': 'a'}",
      '[1, 2',
      'NaN',
      'undefined',
      '{"a":1}{"b":2}',
      '\ufeff{"title":"bom"}',
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
      `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
    ),
    fc.string({ maxLength: 200 }),
    fc.json().map((text) => text.slice(0, Math.max(1, Math.floor(text.length / 2)))),
  );
}

/** Bodies of the wrong shape: any JSON value, or a record with fields of the wrong type or length. */
export function jsonShape(): fc.Arbitrary<string> {
  const fieldNames = fc.constantFrom(
    'title',
    'description',
    'severity',
    'occurredAt',
    'changes',
    'event',
    'reason',
    'signature',
    'body',
    'email',
    'password',
    'refreshToken',
    'otp',
    'roles',
    'auditId',
    'tasks',
    'hostRefs',
    'investigation',
    '__proto__',
    'constructor',
    'id',
    'version',
    'orgId',
  );
  const value = fc.oneof(
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(1e308, -0, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER),
    fc.boolean(),
    fc.constant(null),
    fc.array(hostileString, { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 10 }), hostileString, { maxKeys: 5 }),
    fc.jsonValue({ maxDepth: 6 }),
  );
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((json) => JSON.stringify(json)),
    fc.dictionary(fieldNames, value, { minKeys: 1, maxKeys: 6 }).map((body) => JSON.stringify(body)),
    fc.record({ event: hostileString, reason: value, signature: value }).map((body) => JSON.stringify(body)),
    fc
      .record({ changes: fc.dictionary(fieldNames, value, { maxKeys: 4 }), reason: value })
      .map((body) => JSON.stringify(body)),
    // JSON escapes the server decodes itself: NUL and lone surrogates inside otherwise fine strings.
    fc.constantFrom(
      '{"title":"a\\u0000b","description":"x"}',
      '{"body":"\\u0000"}',
      '{"title":"\\ud800"}',
      '{"email":"a\\u0000@example.com","password":"x"}',
      '{"changes":{"description":"\\u0000"}}',
      '{"event":"SUBMIT","reason":"\\u0000"}',
    ),
  );
}

/** Bytes that are not UTF-8. */
export const invalidUtf8 = fc.constantFrom(
  Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d]),
  Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
  Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  Uint8Array.from([0x00, 0x00, 0x00, 0x7b]),
);

/** Query strings with unknown parameters, wrong types, forged cursors, hostile search text. */
export function queryString(): fc.Arbitrary<string> {
  const forgedCursor = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('abc', '!!!', 'e30', base64url('[]'), base64url('null'), 'a'.repeat(600)),
    fc
      .record({
        s: fc.constantFrom('-createdAt', 'createdAt', 'number', 'severity', 'title', 'x'),
        v: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.constant(1e21)),
        i: fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })),
      })
      .map((position) => base64url(JSON.stringify(position))),
  );
  const parameter = fc.oneof(
    fc.tuple(
      fc.constant('limit'),
      fc.constantFrom('0', '-1', '201', '1001', '1e2', 'abc', '', '2.5', '99999999999'),
    ),
    fc.tuple(fc.constant('cursor'), forgedCursor),
    fc.tuple(
      fc.constant('sort'),
      fc.constantFrom('state', '-state', 'nope', '--createdAt', 'title;drop', 'createdAt,number', ''),
    ),
    fc.tuple(
      fc.constant('q'),
      hostileString.map((text) => text.slice(0, 300)),
    ),
    fc.tuple(fc.constantFrom('q'), fc.constantFrom('a & | !', '"unterminated', '-', 'or or or', ':*', '(((')),
    fc.tuple(fc.constantFrom('state', 'severity', 'area', 'ownerId', 'kind'), hostileString),
    fc.tuple(fc.constantFrom('from', 'to'), fc.constantFrom('yesterday', '2026-13-45T00:00:00Z', '0', '')),
    fc.tuple(fc.constantFrom('recordId', 'recordType', 'actorId', 'action'), hostileString),
    fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })),
  );
  // Bytes that are not UTF-8 once decoded.
  const rawPair = fc.constantFrom(
    'q=%FF',
    'q=%C0%AF',
    'state=%ED%A0%80',
    'limit=%00',
    '%FF=1',
    'q=%',
    'q=%%',
  );
  const encoded = parameter.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`);
  return fc
    .array(fc.oneof({ arbitrary: encoded, weight: 9 }, { arbitrary: rawPair, weight: 1 }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((pairs) => pairs.join('&'));
}

/** One header set to something wrong (printable ASCII only: that much HTTP itself demands). */
export function hostileHeader(forged: string[]): fc.Arbitrary<{ name: string; value: string }> {
  const header = (name: string, value: fc.Arbitrary<string>) =>
    value.map((text) => ({ name, value: text.replace(/[^\t\x20-\x7e]/g, '?') }));
  return fc.oneof(
    header(
      'if-match',
      fc.constantFrom('', '*', 'W/"x"', '"-1"', '"99999999999"', '1,2', '"1" "2"', 'x'.repeat(7000)),
    ),
    header('idempotency-key', fc.oneof(fc.constant('k'.repeat(201)), fc.string({ maxLength: 50 }))),
    header(
      'authorization',
      fc.oneof(
        fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer  x', `Bearer ${'a'.repeat(7000)}`),
        fc.constantFrom(...forged).map((token) => `Bearer ${token}`),
      ),
    ),
    header('x-file-name', fc.constantFrom('%', '%ZZ', '', '%00%00', '..%2F..%2Fpasswd', 'a'.repeat(300))),
    header('x-masetra-source', fc.constantFrom('x'.repeat(5000), '<script>')),
    header(
      'content-type',
      fc.constantFrom('application/json; charset=latin1', 'application/problem+json', '*/*'),
    ),
  );
}
