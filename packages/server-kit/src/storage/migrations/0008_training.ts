import { type Kysely, sql } from 'kysely';

/**
 * Training on controlled documents (read and understood). A task is one person's training on
 * one effective document version (`document_id` and `version_label`), created in the move
 * that made the version effective; acknowledging it is a signature (`signature_id`) with the
 * meaning `read_and_understood`. A task whose version stopped being effective first is closed
 * as `superseded`. `due_on` is a day (YYYY-MM-DD, UTC) kept as text: the drivers read a
 * `date` column as a local-time Date. Per organization, each document kind may name who must
 * be trained on it.
 */
const statements = [
  sql`CREATE TABLE training_tasks (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    document_type text NOT NULL,
    document_id uuid NOT NULL,
    document_number text NOT NULL,
    document_title text NOT NULL,
    version_label text NOT NULL,
    document_kind text,
    content_hash text NOT NULL,
    assignee_id text NOT NULL,
    assignee_name text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'superseded')),
    assigned_at timestamptz NOT NULL,
    due_on text NOT NULL CHECK (due_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
    acknowledged_at timestamptz,
    signature_id uuid,
    closed_at timestamptz,
    CHECK ((status = 'acknowledged') = (signature_id IS NOT NULL AND acknowledged_at IS NOT NULL)),
    CHECK ((status = 'open') = (closed_at IS NULL)),
    UNIQUE (org_id, document_id, version_label, assignee_id)
  )`,
  sql`CREATE INDEX training_tasks_assignee_idx ON training_tasks (org_id, assignee_id, status)`,
  sql`CREATE INDEX training_tasks_document_idx ON training_tasks (org_id, document_id, status)`,
  sql`CREATE TABLE training_kind_settings (
    org_id text NOT NULL,
    document_kind text NOT NULL,
    roles jsonb NOT NULL DEFAULT '[]',
    user_ids jsonb NOT NULL DEFAULT '[]',
    due_days integer NOT NULL CHECK (due_days BETWEEN 1 AND 365),
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    PRIMARY KEY (org_id, document_kind)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
