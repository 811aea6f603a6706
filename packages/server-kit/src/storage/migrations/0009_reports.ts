import { type Kysely, sql } from 'kysely';

/**
 * Reporting. `saved_reports`: reports users saved, per organization, each with its record type,
 * filters (the report query's parameters), grouping, metric, columns and chart, and the roles it
 * is shared with; `version` guards changes (If-Match). The audit-trail index serves the cycle
 * times and closings reports read from moves (when a record first reached a state). The record
 * tables' own indexes (state, creation time, group fields) are made with the tables, by
 * `ensureRecordTable`, since host types add tables after the migrations run.
 */
const statements = [
  sql`CREATE TABLE saved_reports (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    name text NOT NULL,
    record_type text NOT NULL,
    filters jsonb NOT NULL DEFAULT '{}',
    group_by text,
    metric text NOT NULL,
    cycle_from text,
    cycle_to text,
    columns jsonb NOT NULL DEFAULT '[]',
    chart text NOT NULL CHECK (chart IN ('bar', 'line', 'pie', 'table')),
    shared_with_roles jsonb NOT NULL DEFAULT '[]',
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL CHECK (version >= 1)
  )`,
  sql`CREATE INDEX saved_reports_org_idx ON saved_reports (org_id, name, id)`,
  sql`CREATE INDEX audit_trail_moves_idx ON audit_trail (org_id, record_type, record_id, state_to, at)
    WHERE state_to IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
