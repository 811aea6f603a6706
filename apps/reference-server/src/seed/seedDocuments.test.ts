/**
 * The demo's document set, as the seed writes it through the API (issue 13): documents of every
 * kind numbered with their kind's prefix, every version with a generated PDF as its content file,
 * one number with two versions (v1.0 superseded, v2.0 effective), a periodic review falling due
 * within the month, every state of the lifecycle, and the PDF's words found by search. PGlite,
 * or PostgreSQL with TEST_DATABASE_URL.
 */
import { builtInRegistry, isPeriodicReviewOpen } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { DEMO_PASSWORD } from './demoUsers';

let server: RunningReferenceServer;
let token: string;
beforeAll(async () => {
  server = await startReferenceServer();
  const response = await fetch(`${server.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'doccontrol@acme.example', password: DEMO_PASSWORD }),
  });
  token = ((await response.json()) as { accessToken: string }).accessToken;
}, 120_000);
afterAll(() => server.close());

type Document = {
  id: string;
  number: string;
  title: string;
  state: string;
  versionLabel?: string;
  documentKind?: string;
  nextReviewDue?: string;
  contentFile?: { mediaType: string; sha256: string };
};

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${server.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe('the seeded documents', () => {
  it('cover every kind, with its prefix, and every version has a PDF content file', async () => {
    const { items } = await get<{ items: Document[] }>('/documents?limit=100');
    const prefixes = {
      sop: 'SOP',
      work_instruction: 'WI',
      form: 'FRM',
      specification: 'SPEC',
      policy: 'POL',
    };
    for (const [kind, prefix] of Object.entries(prefixes)) {
      const ofKind = items.filter((document) => document.documentKind === kind);
      expect(ofKind.length, kind).toBeGreaterThan(0);
      for (const document of ofKind) expect(document.number).toMatch(new RegExp(`^${prefix}-\\d{4}$`));
    }
    for (const document of items) {
      expect(document.contentFile?.mediaType, document.title).toBe('application/pdf');
    }
    expect([...new Set(items.map((document) => document.state))].sort()).toEqual(
      [...(builtInRegistry.byName('document')?.states ?? [])].sort(),
    );
  });

  it('keep one number across the versions of a revised document', async () => {
    const { items } = await get<{ items: Document[] }>('/documents?q=Deviation%20management');
    const current = items.find((document) => document.state === 'effective');
    expect(current).toBeDefined();
    const versions = await get<{ items: Document[] }>(`/documents/${current?.id}/versions`);
    expect(versions.items.map((version) => [version.number, version.versionLabel, version.state])).toEqual([
      [current?.number, '1.0', 'superseded'],
      [current?.number, '2.0', 'effective'],
    ]);
  });

  it('have a periodic review falling due, and are found by the words inside their PDFs', async () => {
    const { items } = await get<{ items: Document[] }>('/documents?state=effective&limit=100');
    expect(items.some((document) => isPeriodicReviewOpen({ ...document }, new Date().toISOString()))).toBe(
      true,
    );
    const found = await get<{ items: Document[] }>('/documents?q=conductivity');
    expect(found.items.map((document) => document.title)).toEqual(['Cleaning of filling line 2']);
  });
});
