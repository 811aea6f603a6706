/**
 * The demo's training, as the seed leaves it: tasks on the effective documents for the roles
 * each kind names, some acknowledged with a "read and understood" signature, some overdue.
 * PGlite, or PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { DEMO_PASSWORD } from './demoUsers';

let server: RunningReferenceServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startReferenceServer();
  for (const email of ['qa@acme.example', 'investigator@acme.example']) {
    const response = await fetch(`${server.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    tokens[email] = ((await response.json()) as { accessToken: string }).accessToken;
  }
}, 120_000);
afterAll(() => server.close());

async function get<T>(email: string, path: string): Promise<T> {
  const response = await fetch(`${server.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${tokens[email]}` },
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

type Matrix = {
  documents: { id: string; title: string; versionLabel: string }[];
  people: { name: string; cells: { documentId: string; status: string }[] }[];
  overdue: number;
};
type Mine = {
  items: { documentTitle: string; status: string; overdue: boolean }[];
  open: number;
  overdue: number;
};

describe('the seed’s training', () => {
  it('has trained, due and overdue cells in the matrix, on the effective documents only', async () => {
    const matrix = await get<Matrix>('qa@acme.example', '/training/matrix');
    const statuses = matrix.people.flatMap((person) => person.cells.map((cell) => cell.status));
    expect(statuses).toContain('trained');
    expect(statuses).toContain('due');
    expect(statuses).toContain('overdue');
    expect(matrix.overdue).toBeGreaterThan(0);
    const gowning = matrix.documents.find((document) => document.title.startsWith('Gowning'));
    expect(gowning).toBeDefined();
    const quinn = matrix.people.find((person) => person.name === 'Quinn Adler');
    expect(quinn?.cells.find((cell) => cell.documentId === gowning?.id)?.status).toBe('trained');
    const documents = await get<{ items: { id: string; state: string }[] }>(
      'qa@acme.example',
      '/documents?state=effective&limit=200',
    );
    expect(matrix.documents.map((document) => document.id).sort()).toEqual(
      documents.items.map((document) => document.id).sort(),
    );
  });

  it('leaves an investigator with the gowning SOP overdue, and QA with nothing to do', async () => {
    const ivan = await get<Mine>('investigator@acme.example', '/training/mine');
    expect(ivan.items.find((task) => task.documentTitle.startsWith('Gowning'))).toMatchObject({
      status: 'open',
      overdue: true,
    });
    expect(ivan.overdue).toBeGreaterThan(0);
    const quinn = await get<Mine>('qa@acme.example', '/training/mine');
    expect(quinn.open).toBe(0);
    expect(quinn.items.length).toBeGreaterThan(0);
  });
});
