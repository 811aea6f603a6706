import type { QmsHandler } from '@masetra/server-kit';
import { DEMO_PASSWORD } from './demoUsers';

type Json = Record<string, unknown>;
export type SeedRecord = { id: string; version: number; state: string; number: string } & Json;

/**
 * The seed talks to the kit exactly as a browser would — a bearer token, JSON, If-Match —
 * so demo data goes through the same validation, lifecycle, signatures and audit trail.
 */
export function createSeedApi(qms: QmsHandler, accessToken: string, email: string) {
  async function call(method: string, path: string, body?: unknown, version?: number): Promise<SeedRecord> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${accessToken}`,
      'x-masetra-source': 'demo-seed',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (version !== undefined) headers['if-match'] = `"${version}"`;
    const response = await qms(
      new Request(`http://seed.local${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const json = (await response.json()) as SeedRecord;
    if (!response.ok)
      throw new Error(`seed ${method} ${path} as ${email}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }
  return {
    create: (collection: string, fields: Json) => call('POST', `/${collection}`, fields),
    update: (collection: string, record: SeedRecord, changes: Json, reason?: string) =>
      call('PATCH', `/${collection}/${record.id}`, { changes, reason }, record.version),
    move: (
      collection: string,
      record: SeedRecord,
      event: string,
      extra: { reason?: string; meaning?: string; data?: Json } = {},
    ) =>
      call(
        'POST',
        `/${collection}/${record.id}/transitions`,
        {
          event,
          reason: extra.reason,
          data: extra.data,
          // The seed signs as a person would on a session's first signing: user name and password.
          signature: extra.meaning
            ? { username: email, password: DEMO_PASSWORD, meaning: extra.meaning }
            : undefined,
        },
        record.version,
      ),
    comment: (collection: string, record: SeedRecord, body: string) =>
      call('POST', `/${collection}/${record.id}/comments`, { body }),
    /** The record as it stands now (a link may have changed it: a deviation's `linkedCapaIds`). */
    get: (collection: string, id: string) => call('GET', `/${collection}/${id}`),
    /** One page of a collection's list, e.g. `list('documents', 'q=monitoring')`. */
    list: async (collection: string, query = '') =>
      (await call('GET', `/${collection}?${query}`)) as unknown as { items: SeedRecord[] },
    /**
     * Links the record to another record or a host object through the link route, as the Links
     * section does, and answers the record as it stands after it (the link may change its version).
     */
    link: async (collection: string, record: SeedRecord, link: Json) => {
      await call('POST', `/${collection}/${record.id}/links`, link);
      return call('GET', `/${collection}/${record.id}`);
    },
    /** Any JSON route of the contract the helpers above do not cover (training, kind settings). */
    send: (method: string, path: string, body?: unknown) => call(method, path, body) as Promise<Json>,
    /** A raw upload (a document's content file), `If-Match` the version given. */
    upload: async (
      path: string,
      bytes: Uint8Array<ArrayBuffer>,
      fileName: string,
      contentType: string,
      version?: number,
    ) => {
      const response = await qms(
        new Request(`http://seed.local${path}`, {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${accessToken}`,
            'x-masetra-source': 'demo-seed',
            'content-type': contentType,
            'x-file-name': fileName,
            ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
          },
          body: bytes,
        }),
      );
      const json = (await response.json()) as SeedRecord;
      if (!response.ok)
        throw new Error(`seed PUT ${path} as ${email}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}

export type SeedApi = ReturnType<typeof createSeedApi>;
