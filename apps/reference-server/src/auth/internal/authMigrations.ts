/**
 * The schema of the `auth_` tables, one entry per change, applied in order and never edited
 * once released (PART11 26): a change is a new entry.
 */
import type { Kysely } from 'kysely';
import { REVOKED_PASSWORD_HASH } from './revokedPassword';
import { uuidv7 } from './uuidv7';

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
  {
    name: '0004_login_hardening',
    async up(db) {
      // Failed attempts per account and client address: one address's guesses slow that address
      // down, not the account's owner at theirs (failedAttempts.ts). `auth_credentials` keeps the
      // account-wide count, the ceiling against guesses from many addresses.
      await db.schema
        .createTable('auth_login_throttle')
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('failed_attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('locked_until', 'timestamptz')
        .addColumn('lockouts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_success_at', 'timestamptz')
        .addPrimaryKeyConstraint('auth_login_throttle_pkey', ['user_id', 'source'])
        .execute();
      // A temporary password an administrator chose (before set-up links existed) is known to
      // that administrator: it stops working, and its owner chooses a new one with a reset link.
      // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema of its own time, not today's types.
      const anyDb = db as Kysely<any>;
      const revoked = await anyDb
        .updateTable('auth_credentials')
        .set({ password_hash: REVOKED_PASSWORD_HASH })
        .where('must_change_password', '=', true)
        .where('password_hash', '<>', REVOKED_PASSWORD_HASH)
        .returning('user_id')
        .execute();
      const at = new Date();
      for (const { user_id } of revoked) {
        await anyDb
          .insertInto('auth_security_events')
          .values({
            id: uuidv7(),
            type: 'password.revoked',
            user_id,
            occurred_at: at,
            details: JSON.stringify({
              actorId: 'system',
              reason: 'A temporary password set by an administrator, who knows it (0004_login_hardening)',
            }),
          })
          .execute();
      }
    },
  },
  {
    name: '0005_account_sessions_mfa',
    async up(db) {
      // What the account page shows of a session: the device and the address it started from.
      await db.schema.alterTable('auth_sessions').addColumn('user_agent', 'text').execute();
      await db.schema.alterTable('auth_sessions').addColumn('ip_address', 'text').execute();
      // Single-use codes in place of a TOTP code at login; only a SHA-256 of each is kept.
      await db.schema
        .createTable('auth_recovery_codes')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('code_hash', 'text', (col) => col.notNull().unique())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('used_at', 'timestamptz')
        .execute();
      await db.schema
        .createIndex('auth_recovery_codes_user_id_idx')
        .on('auth_recovery_codes')
        .column('user_id')
        .execute();
      // Whether an organization requires a second factor: of everyone, of the roles that sign, or of no one.
      await db.schema
        .createTable('auth_security_policies')
        .addColumn('org_id', 'text', (col) => col.primaryKey().references('organizations.id'))
        .addColumn('mfa_required', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_by', 'text', (col) => col.notNull())
        .execute();
    },
  },
  {
    name: '0006_sso',
    async up(db) {
      // An organization's identity provider. `protocol` tells OIDC from what joins it later (SAML 2.0).
      await db.schema
        .createTable('auth_sso_providers')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().unique().references('organizations.id'))
        .addColumn('protocol', 'text', (col) => col.notNull())
        .addColumn('display_name', 'text', (col) => col.notNull())
        .addColumn('issuer', 'text', (col) => col.notNull())
        .addColumn('client_id', 'text', (col) => col.notNull())
        // AES-256-GCM, bound to the provider row (ssoSecretBox.ts); never answered by the API.
        .addColumn('client_secret_sealed', 'text')
        .addColumn('allowed_domains', 'jsonb', (col) => col.notNull())
        .addColumn('role_claim', 'text', (col) => col.notNull())
        .addColumn('role_mapping', 'jsonb', (col) => col.notNull())
        .addColumn('jit_provisioning', 'boolean', (col) => col.notNull())
        .addColumn('enabled', 'boolean', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_by', 'text', (col) => col.notNull())
        .execute();
      // A started sign-in or re-authentication: state (hashed), nonce and PKCE verifier, good once for 10 minutes.
      await db.schema
        .createTable('auth_sso_states')
        .addColumn('state_hash', 'text', (col) => col.primaryKey())
        .addColumn('provider_id', 'text', (col) => col.notNull().references('auth_sso_providers.id'))
        .addColumn('purpose', 'text', (col) => col.notNull())
        .addColumn('user_id', 'text', (col) => col.references('users.id'))
        .addColumn('session_id', 'text')
        .addColumn('nonce', 'text', (col) => col.notNull())
        .addColumn('code_verifier', 'text', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
        .addColumn('used_at', 'timestamptz')
        .execute();
      // Who a provider's subject is here: one link per (issuer, subject), one per user.
      await db.schema
        .createTable('auth_sso_links')
        .addColumn('issuer', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('user_id', 'text', (col) => col.notNull().unique().references('users.id'))
        .addColumn('provider_id', 'text', (col) => col.notNull().references('auth_sso_providers.id'))
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addPrimaryKeyConstraint('auth_sso_links_pk', ['issuer', 'subject'])
        .execute();
      // A fresh re-authentication at the provider, good for one signature (verifySignerSso.ts).
      await db.schema
        .createTable('auth_sso_proofs')
        .addColumn('proof_hash', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('session_id', 'text')
        .addColumn('issuer', 'text', (col) => col.notNull())
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('auth_time', 'timestamptz', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
        .addColumn('used_at', 'timestamptz')
        .execute();
    },
  },
  {
    name: '0007_user_locale',
    async up(db) {
      // The language a user reads their e-mails (and the demo's screens) in. Its own table, not a
      // column of server-kit's `users`, which this module does not own.
      await db.schema
        .createTable('auth_user_preferences')
        .addColumn('user_id', 'text', (col) => col.primaryKey().references('users.id'))
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .execute();
    },
  },
];
