/** The single sign-on tables (migration `0006_sso`), as Kysely sees them. */
import type { ColumnType, Kysely } from 'kysely';
import type { AuthDatabase } from '../auth';

type Timestamp = ColumnType<Date, Date, Date>;
/** jsonb: read parsed, written as JSON text. */
type Jsonb<T> = ColumnType<T, string, string>;

export interface SsoRoleRule {
  value: string;
  roles: string[];
}

/** An organization's identity provider; `protocol` is `oidc` (SAML 2.0 would be another value). */
export interface AuthSsoProvidersTable {
  id: string;
  org_id: string;
  protocol: string;
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string | null;
  allowed_domains: Jsonb<string[]>;
  role_claim: string;
  role_mapping: Jsonb<SsoRoleRule[]>;
  jit_provisioning: boolean;
  enabled: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string;
}

/** `login` or `reauth`: what the round trip to the provider is for. */
export type SsoPurpose = 'login' | 'reauth';

export interface AuthSsoStatesTable {
  /** SHA-256 (hex) of the `state` parameter; the value itself travels only through the browser. */
  state_hash: string;
  provider_id: string;
  purpose: SsoPurpose;
  /** For `reauth`: the signed-in user who asked, and their session. */
  user_id: string | null;
  session_id: string | null;
  nonce: string;
  code_verifier: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuthSsoLinksTable {
  issuer: string;
  subject: string;
  user_id: string;
  provider_id: string;
  created_at: Timestamp;
}

export interface AuthSsoProofsTable {
  /** SHA-256 (hex) of the proof; the proof itself goes to the signer's browser only. */
  proof_hash: string;
  user_id: string;
  session_id: string | null;
  issuer: string;
  subject: string;
  /** When the provider last authenticated the person (the ID token's `auth_time`). */
  auth_time: Timestamp;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export type SsoDatabase = AuthDatabase & {
  auth_sso_providers: AuthSsoProvidersTable;
  auth_sso_states: AuthSsoStatesTable;
  auth_sso_links: AuthSsoLinksTable;
  auth_sso_proofs: AuthSsoProofsTable;
};

export type SsoDb = Kysely<SsoDatabase>;
