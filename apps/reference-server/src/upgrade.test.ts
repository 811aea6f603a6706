/**
 * Archived data stays readable and intact across upgrades (PART11 26, Annex 11 §17): a database
 * written by the previous release, migrated by the current server, keeps every record readable,
 * its trail verifying with the same head, no migration rewrites an old entry, signature,
 * attachment or comment, and the audit-trail exports taken before the upgrade still match it.
 *
 * On PGlite the old release's data directory is loaded; on PostgreSQL (TEST_DATABASE_URL) the
 * SQL form of the same database, since a PGlite data directory cannot be restored into a server
 * (see upgradeFixture.ts).
 */
import { type AuditTrailEntry, auditEntryHash, GENESIS_HASH } from '@masetra/core';
import type { Storage } from '@masetra/server-kit';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningReferenceServer, startReferenceServer } from './testing/startReferenceServer';
import {
  type FixtureOrganization,
  openUpgradeFixture,
  readFixtureFile,
  readUpgradeFixture,
} from './upgradeFixture';

const fixture = await readUpgradeFixture('v0.1.0');

/** Tables whose rows are evidence: append-only, never to be changed by a migration. */
const evidenceTables = ['audit_trail', 'signatures', 'attachments', 'comments'] as const;
type Evidence = Record<(typeof evidenceTables)[number], Record<string, unknown>[]>;

/** Every row of the evidence tables, whole, as the database holds it (exact times included). */
async function readEvidence(storage: Storage): Promise<Evidence> {
  const evidence = {} as Evidence;
  for (const table of evidenceTables) {
    const { rows } = await sql<{ row: Record<string, unknown> }>`
      SELECT to_jsonb(t) AS row FROM ${sql.table(table)} t ORDER BY t.id`.execute(storage.db);
    evidence[table] = rows.map(({ row }) => row);
  }
  return evidence;
}

/** The rows as they are now, of the old rows only and of their old columns only. */
function asTheyWere(before: Evidence, after: Evidence): Evidence {
  const projected = {} as Evidence;
  for (const table of evidenceTables) {
    const now = new Map(after[table].map((row) => [row.id, row]));
    projected[table] = before[table].map((old) => {
      const current = now.get(old.id);
      return current ? Object.fromEntries(Object.keys(old).map((column) => [column, current[column]])) : {};
    });
  }
  return projected;
}

async function migrationNames(storage: Storage): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM masetra_migration ORDER BY name`.execute(
    storage.db,
  );
  return rows.map((row) => row.name);
}

let server: RunningReferenceServer;
let evidenceBefore: Evidence;
let migrationsBefore: string[];
const tokens = new Map<string, string>();

beforeAll(async () => {
  const storage = await openUpgradeFixture(fixture);
  // Read before the current code touches the database: this is what the old release left.
  evidenceBefore = await readEvidence(storage);
  migrationsBefore = await migrationNames(storage);
  try {
    server = await startReferenceServer({ storage, seed: false });
  } catch (error) {
    await storage.close();
    throw error;
  }
  for (const organization of fixture.organizations) {
    const response = await fetch(`${server.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: organization.qaEmail, password: fixture.demoPassword }),
    });
    expect(response.status).toBe(200);
    tokens.set(organization.key, ((await response.json()) as { accessToken: string }).accessToken);
  }
}, 180_000);
afterAll(() => server?.close());

async function get<T>(organization: FixtureOrganization, path: string): Promise<T> {
  const response = await fetch(`${server.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${tokens.get(organization.key)}` },
  });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function all<T>(organization: FixtureOrganization, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: T[]; nextCursor: string | null } = await get(organization, `${path}?${query}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** A value as the old export wrote it in a cell. */
const cell = (value: unknown) =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

describe(`a database written by ${fixture.tag} (${fixture.commit.slice(0, 7)}), after the upgrade`, () => {
  it('was written by the old release and is migrated by the current one', async () => {
    expect(fixture.auditEntries).toBe(evidenceBefore.audit_trail.length);
    expect(evidenceBefore.signatures.length).toBeGreaterThan(0);
    const migrationsAfter = await migrationNames(server.storage);
    // The current code ran migrations the old release did not have, after those it had.
    expect(migrationsAfter.slice(0, migrationsBefore.length)).toEqual(migrationsBefore);
    expect(migrationsAfter.length).toBeGreaterThan(migrationsBefore.length);
  });

  it('keeps every audit entry, signature, attachment and comment exactly as the old release wrote it', async () => {
    const after = await readEvidence(server.storage);
    expect(asTheyWere(evidenceBefore, after)).toEqual(evidenceBefore);
  });

  it.each(fixture.organizations)(
    'serves every record of $key with its number, state and version',
    async (organization) => {
      for (const [collection, count] of Object.entries(organization.recordCounts)) {
        expect(await all(organization, `/${collection}`), collection).toHaveLength(count);
      }
      for (const record of organization.records) {
        const served = await get<{ number: string; state: string; version: number }>(
          organization,
          `/${record.collection}/${record.id}`,
        );
        expect({ number: served.number, state: served.state, version: served.version }).toEqual({
          number: record.number,
          state: record.state,
          version: record.version,
        });
      }
    },
  );

  it.each(fixture.organizations)(
    "verifies $key's trail with the old head, before any checkpoint of its own",
    async (organization) => {
      expect(await get(organization, '/audit-trail/verify')).toEqual({
        ok: true,
        entries: organization.chainHead.seq,
        headHash: organization.chainHead.hash,
      });
    },
  );

  it.each(fixture.organizations)(
    "matches $key's export taken before the upgrade, entry by entry",
    async (organization) => {
      const entries = await all<AuditTrailEntry>(organization, '/audit-trail');
      expect(entries.map((entry) => entry.seq)).toEqual(
        Array.from({ length: organization.chainHead.seq }, (_, index) => index + 1),
      );
      // The served entries chain up to the old head, each hash recomputed here from its content.
      let previousHash = GENESIS_HASH;
      for (const { previousHash: linked, hash, ...content } of entries) {
        expect(linked, `entry ${content.seq}`).toBe(previousHash);
        expect(await auditEntryHash(linked, content), `entry ${content.seq}`).toBe(hash);
        previousHash = hash;
      }
      expect(previousHash).toBe(organization.chainHead.hash);

      // Each exported row (one per changed field) against the entry of its number.
      const rows: Record<string, string>[] = parse(
        await readFixtureFile(fixture, organization.auditTrailExport),
        {
          columns: true,
          skip_empty_lines: true,
        },
      );
      const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
      const rowsPerEntry = new Map<number, number>();
      for (const row of rows) {
        const entry = bySeq.get(Number(row.seq));
        expect(entry?.seq, `exported entry ${row.seq}`).toBe(Number(row.seq));
        if (!entry) continue;
        const changeIndex = rowsPerEntry.get(entry.seq) ?? 0;
        rowsPerEntry.set(entry.seq, changeIndex + 1);
        const change = entry.changes[changeIndex] ?? { field: '', old: null, new: null };
        expect(row, `exported row ${changeIndex + 1} of entry ${row.seq}`).toEqual({
          seq: String(entry.seq),
          at: entry.at,
          actor_id: entry.actorId,
          actor_name: entry.actorName,
          action: entry.action,
          record_type: entry.recordType,
          record_number: entry.recordNumber ?? '',
          record_id: entry.recordId,
          field: change.field,
          old_value: cell(change.old),
          new_value: cell(change.new),
          reason: entry.reason ?? '',
          state_from: entry.stateFrom ?? '',
          state_to: entry.stateTo ?? '',
          entry_hash: entry.hash,
        });
      }
      // The export held the whole trail: every entry, and every one of its changes.
      expect([...rowsPerEntry.entries()]).toEqual(
        entries.map((entry) => [entry.seq, Math.max(entry.changes.length, 1)]),
      );
    },
  );

  it('goes on from the old chain head, checkpoints the old trail, and still verifies', async () => {
    const acme = fixture.organizations.find((organization) => organization.key === 'acme');
    const deviation = acme?.records.find((record) => record.collection === 'deviations');
    if (!acme || !deviation) throw new Error('the fixture has no Acme deviation');
    const comment = await fetch(`${server.apiUrl}/deviations/${deviation.id}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get(acme.key)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Reviewed after the upgrade.' }),
    });
    expect(comment.status).toBe(201);

    const trail = await all<AuditTrailEntry>(acme, '/audit-trail');
    const newest = trail[trail.length - 1];
    expect(newest).toMatchObject({
      seq: acme.chainHead.seq + 1,
      action: 'comment',
      recordId: deviation.id,
      previousHash: acme.chainHead.hash,
    });
    await server.runBackgroundWorkOnce();
    for (const organization of fixture.organizations) {
      const expectedEntries = organization === acme ? acme.chainHead.seq + 1 : organization.chainHead.seq;
      expect(await get(organization, '/audit-trail/verify')).toEqual({
        ok: true,
        entries: expectedEntries,
        headHash: organization === acme ? newest?.hash : organization.chainHead.hash,
      });
    }
    expect(asTheyWere(evidenceBefore, await readEvidence(server.storage))).toEqual(evidenceBefore);
  });
});
