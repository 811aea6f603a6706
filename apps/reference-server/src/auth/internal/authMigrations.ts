/**
 * The schema of the `auth_` tables, one entry per change, applied in order and never edited
 * once released (PART11 26): a change is a new entry. Only Kysely's schema builder on the
 * instance is used, so the module needs no runtime import of kysely.
 */
import type { Kysely } from 'kysely';

export interface AuthMigration {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

export const authMigrations: readonly AuthMigration[] = [
  {
    name: '0001_auth_tables',
    async up(db) {
      // Run after server-kit's migrations: the foreign keys point at its `users`.
      await db.schema
        .createTable('auth_credentials')
        .addColumn('user_id', 'text', (col) => col.primaryKey().references('users.id'))
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('password_changed_at', 'timestamptz', (col) => col.notNull())
        .addColumn('password_history', 'jsonb', (col) => col.notNull())
        .addColumn('must_change_password', 'boolean', (col) => col.notNull())
        .addColumn('failed_attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('locked_until', 'timestamptz')
        .addColumn('totp_secret', 'text')
        .addColumn('totp_confirmed_at', 'timestamptz')
        .addColumn('totp_pending_secret', 'text')
        .addColumn('totp_last_time_step', 'integer')
        .execute();

      await db.schema
        .createTable('auth_sessions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
        .addColumn('continuous_since', 'timestamptz', (col) => col.notNull())
        .addColumn('last_signed_at', 'timestamptz')
        .addColumn('revoked_at', 'timestamptz')
        .addColumn('revoked_reason', 'text')
        .execute();
      await db.schema
        .createIndex('auth_sessions_user_id_idx')
        .on('auth_sessions')
        .column('user_id')
        .execute();

      await db.schema
        .createTable('auth_refresh_tokens')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('session_id', 'text', (col) => col.notNull().references('auth_sessions.id'))
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
        .addColumn('used_at', 'timestamptz')
        .addColumn('revoked_at', 'timestamptz')
        .execute();
      await db.schema
        .createIndex('auth_refresh_tokens_session_id_idx')
        .on('auth_refresh_tokens')
        .column('session_id')
        .execute();
      await db.schema
        .createIndex('auth_refresh_tokens_user_id_idx')
        .on('auth_refresh_tokens')
        .column('user_id')
        .execute();

      // No foreign key on user_id: a failed login for an unknown e-mail is recorded too.
      await db.schema
        .createTable('auth_security_events')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('user_id', 'text')
        .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
        .addColumn('details', 'jsonb', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('auth_security_events_user_id_idx')
        .on('auth_security_events')
        .columns(['user_id', 'occurred_at'])
        .execute();
      await db.schema
        .createIndex('auth_security_events_occurred_at_idx')
        .on('auth_security_events')
        .column('occurred_at')
        .execute();
    },
  },
  {
    name: '0002_auth_setup_tokens',
    async up(db) {
      // Single-use links with which a person chooses their own first password.
      await db.schema
        .createTable('auth_setup_tokens')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('created_by', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
        .addColumn('used_at', 'timestamptz')
        .execute();
      await db.schema
        .createIndex('auth_setup_tokens_user_id_idx')
        .on('auth_setup_tokens')
        .column('user_id')
        .execute();
    },
  },
  {
    name: '0003_dev_mailbox',
    async up(db) {
      // The demo's mailbox without an SMTP server (`/mailbox`); empty and unread everywhere else.
      await db.schema
        .createTable('dev_mailbox')
        .addColumn('message_id', 'text', (col) => col.primaryKey())
        .addColumn('sender', 'text', (col) => col.notNull())
        .addColumn('recipient', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('text_body', 'text', (col) => col.notNull())
        .addColumn('html_body', 'text', (col) => col.notNull())
        .addColumn('sent_at', 'timestamptz', (col) => col.notNull())
        .execute();
    },
  },
];
