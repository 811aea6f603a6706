/**
 * The fixed tables: tenancy and users, the audit trail with its chain heads, signatures,
 * attachments, comments, notifications, the outbox, idempotency keys and record counters.
 * Never edit a migration that has shipped (Annex 11 §17): add the next one.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`CREATE TABLE organizations (
    id text PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE TABLE users (
    id text PRIMARY KEY,
    org_id text NOT NULL REFERENCES organizations (id),
    email text NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX users_org_idx ON users (org_id)`,
  sql`CREATE TABLE roles (
    name text PRIMARY KEY,
    description text NOT NULL
  )`,
  sql`INSERT INTO roles (name, description) VALUES
    ('viewer', 'Reads records'),
    ('originator', 'Raises and edits records'),
    ('investigator', 'Investigates deviations and carries out CAPAs'),
    ('qa_reviewer', 'Reviews records and documents'),
    ('qa_approver', 'Approves records and documents'),
    ('document_controller', 'Administers controlled documents'),
    ('auditor', 'Plans and runs audits; reads audit trails'),
    ('admin', 'Administers users and roles')`,
  sql`CREATE TABLE user_roles (
    user_id text NOT NULL REFERENCES users (id),
    role text NOT NULL REFERENCES roles (name),
    PRIMARY KEY (user_id, role)
  )`,

  sql`CREATE TABLE audit_trail (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    seq bigint NOT NULL,
    at timestamptz NOT NULL,
    actor_id text NOT NULL,
    actor_name text NOT NULL,
    action text NOT NULL,
    record_type text NOT NULL,
    record_id text NOT NULL,
    record_number text,
    changes jsonb NOT NULL DEFAULT '[]',
    reason text,
    source jsonb,
    state_from text,
    state_to text,
    previous_hash text NOT NULL,
    hash text NOT NULL,
    UNIQUE (org_id, seq)
  )`,
  sql`CREATE INDEX audit_trail_record_idx ON audit_trail (org_id, record_type, record_id, seq)`,
  sql`CREATE INDEX audit_trail_actor_idx ON audit_trail (org_id, actor_id, seq)`,
  sql`CREATE INDEX audit_trail_at_idx ON audit_trail (org_id, at)`,
  sql`CREATE TABLE audit_chain_heads (
    org_id text PRIMARY KEY,
    seq bigint NOT NULL,
    hash text NOT NULL
  )`,

  sql`CREATE TABLE signatures (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    record_type text NOT NULL,
    record_id uuid NOT NULL,
    record_version integer NOT NULL,
    content_hash text NOT NULL,
    signer_id text NOT NULL,
    signer_name text NOT NULL,
    meaning text NOT NULL,
    event text,
    signed_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX signatures_record_idx ON signatures (org_id, record_type, record_id, signed_at)`,
  sql`CREATE TABLE attachments (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    record_type text NOT NULL,
    record_id uuid NOT NULL,
    file_name text NOT NULL,
    content_type text NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 text NOT NULL,
    storage_key text NOT NULL UNIQUE,
    uploaded_by text NOT NULL,
    uploaded_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX attachments_record_idx ON attachments (org_id, record_type, record_id, uploaded_at)`,
  sql`CREATE TABLE comments (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    record_type text NOT NULL,
    record_id uuid NOT NULL,
    author_id text NOT NULL,
    author_name text NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX comments_record_idx ON comments (org_id, record_type, record_id, created_at)`,
  sql`CREATE TABLE notifications (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    user_id text NOT NULL,
    kind text NOT NULL,
    record_type text,
    record_id text,
    title text NOT NULL,
    body text,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at timestamptz
  )`,
  sql`CREATE INDEX notifications_user_idx ON notifications (org_id, user_id, created_at, id)`,
  sql`CREATE INDEX notifications_unread_idx ON notifications (org_id, user_id) WHERE read_at IS NULL`,

  sql`CREATE TABLE outbox (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    type text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    available_at timestamptz NOT NULL DEFAULT now(),
    attempts integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    delivered_at timestamptz,
    last_error text
  )`,
  sql`CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE delivered_at IS NULL`,
  sql`CREATE TABLE idempotency_keys (
    org_id text NOT NULL,
    key text NOT NULL,
    user_id text NOT NULL,
    method text NOT NULL,
    path text NOT NULL,
    request_hash text NOT NULL,
    status_code integer,
    response_headers jsonb,
    response_body text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, key)
  )`,
  sql`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`,
  sql`CREATE TABLE record_counters (
    org_id text NOT NULL,
    record_type text NOT NULL,
    year integer NOT NULL,
    last_value integer NOT NULL,
    PRIMARY KEY (org_id, record_type, year)
  )`,

  // Part 11 §11.10(e): the database itself keeps the trail and the signatures append-only,
  // for administrators too; only a superuser disabling the triggers gets past, and the hash
  // chain shows what they did.
  sql`CREATE FUNCTION masetra_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END
  $$`,
  sql`CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_trail
    FOR EACH STATEMENT EXECUTE FUNCTION masetra_refuse_change()`,
  sql`CREATE TRIGGER signatures_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON signatures
    FOR EACH STATEMENT EXECUTE FUNCTION masetra_refuse_change()`,
  // A user id is never reused or reassigned (11.100(a)): users are deactivated, not deleted.
  sql`CREATE TRIGGER users_never_deleted BEFORE DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION masetra_refuse_change()`,
  sql`CREATE FUNCTION masetra_keep_user_id() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.id <> OLD.id THEN
        RAISE EXCEPTION 'A user id is never changed' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
  $$`,
  sql`CREATE TRIGGER users_keep_id BEFORE UPDATE OF id ON users
    FOR EACH ROW EXECUTE FUNCTION masetra_keep_user_id()`,
  // A chain head only moves forward one entry at a time, so rolling it back to hide removed
  // entries needs the triggers disabled too.
  sql`CREATE FUNCTION masetra_advance_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.org_id <> OLD.org_id OR NEW.seq <> OLD.seq + 1 THEN
        RAISE EXCEPTION 'An audit chain head only advances by one entry' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
  $$`,
  sql`CREATE TRIGGER audit_chain_heads_advance BEFORE UPDATE ON audit_chain_heads
    FOR EACH ROW EXECUTE FUNCTION masetra_advance_chain_head()`,
  sql`CREATE TRIGGER audit_chain_heads_kept BEFORE DELETE OR TRUNCATE ON audit_chain_heads
    FOR EACH STATEMENT EXECUTE FUNCTION masetra_refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: PGlite's extended protocol takes no multi-statement strings.
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration is never reverted: it holds the audit trail.');
}
