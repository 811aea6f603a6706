/** Steps the HTTP tests take over and over: create a record, move it, change it. */
import { passwordOf, type TestKit, type TestResponse, type TestUser } from './startTestKit';

/** A deviation with everything its SUBMIT asks for. */
export function describedDeviation(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Temperature excursion in cold room 3',
    description: 'Logger showed 9.1 °C for 40 min.',
    occurredAt: '2026-11-20T08:30:00.000Z',
    area: 'Warehouse',
    severity: 'minor',
    ...fields,
  };
}

/**
 * Creates a record and fails the test unless it is created. A controlled document also gets a
 * content file (a one-page PDF), since review needs one; the record comes back with it.
 */
export async function createRecord(
  kit: TestKit,
  user: TestUser,
  collection: string,
  fields: Record<string, unknown>,
): Promise<TestResponse['json']> {
  const created = await kit.as(user)(`/${collection}`, { method: 'POST', body: fields });
  if (created.status !== 201) throw new Error(`create ${collection}: ${created.status} ${created.text}`);
  if (collection !== 'documents') return created.json;
  const { withContent } = await import('./documentSteps');
  return withContent(kit, user, created.json);
}

export interface MoveOptions {
  reason?: string;
  /** Signs with the user's own password and this meaning. */
  sign?: string;
}

/** Sends a lifecycle event, If-Match the record's version as given. */
export function transition(
  kit: TestKit,
  user: TestUser,
  collection: string,
  record: { id: string; version: number },
  event: string,
  options: MoveOptions = {},
): Promise<TestResponse> {
  return kit.as(user)(`/${collection}/${record.id}/transitions`, {
    method: 'POST',
    headers: { 'if-match': `"${record.version}"` },
    body: {
      event,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.sign ? { signature: { password: passwordOf(user), meaning: options.sign } } : {}),
    },
  });
}

/** Changes fields, If-Match the record's version as given. */
export function update(
  kit: TestKit,
  user: TestUser,
  collection: string,
  record: { id: string; version: number },
  changes: Record<string, unknown>,
  reason?: string,
): Promise<TestResponse> {
  return kit.as(user)(`/${collection}/${record.id}`, {
    method: 'PATCH',
    headers: { 'if-match': `"${record.version}"` },
    body: reason ? { changes, reason } : { changes },
  });
}

/** Like {@link transition} and {@link update}, but fails the test unless the step is taken. */
export async function expectOk(step: Promise<TestResponse>): Promise<TestResponse['json']> {
  const response = await step;
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status} ${response.text}`);
  return response.json;
}
