import type { Principal, RecordTypeRegistry, SignatureMeaning } from '@masetra/core';
import type { AuditCheckpointing } from '../audit-checkpoints/createAuditCheckpointer';
import type { FileStore } from '../files/FileStore';
import type { Storage } from '../storage/storage';

/** What the host's signer verification receives: the re-authentication of 21 CFR 11.200. */
export interface VerifySignerInput {
  userId: string;
  sessionId?: string;
  /** The user-id component, when the signer typed it. */
  username?: string;
  password: string;
  otp?: string;
  meaning: SignatureMeaning;
}

export type VerifySignerResult =
  | {
      ok: true /** The printed name to show in the manifestation, if the host's differs. */;
      printedName?: string;
    }
  | { ok: false; code: string; detail?: string };

/** A domain event: written to the outbox with the change, and handed to `hooks.onEvent`. */
export interface DomainEvent {
  id: string;
  /** `deviation.created`, `deviation.updated`, `deviation.transitioned`, `deviation.signed`, ... */
  type: string;
  orgId: string;
  recordType: string;
  recordId: string;
  recordNumber: string;
  actorId: string;
  at: string;
  data: Record<string, unknown>;
}

export interface QmsHooks {
  /** Called after the change committed. Delivery that must not be lost reads the outbox instead. */
  onEvent?(event: DomainEvent): void | Promise<void>;
  /** An unexpected error (answered as a 500 without detail). */
  onError?(error: unknown, request: Request): void;
}

export interface QmsOptions {
  storage: Storage;
  /** The record types to serve; defaults to the built-in ones. */
  registry?: RecordTypeRegistry;
  /** The host's authentication: the principal, or null for a 401. */
  authenticate(request: Request): Principal | null | Promise<Principal | null>;
  /** The host's re-authentication of a signer (password, and TOTP where enrolled). */
  verifySigner(input: VerifySignerInput): VerifySignerResult | Promise<VerifySignerResult>;
  /**
   * Which of `userIds` are active users of organization `orgId`: the kit cannot know the host's
   * users, so it asks. When given, a create or update that names anyone else (as owner, lead
   * auditor, task owner: `ownerId` and the record type's `userReferences`) is refused with a 422
   * whose pointer names the field. Called outside the write's transaction.
   *
   * @example
   * activeUsers: async (orgId, userIds) =>
   *   (await db.selectFrom('users').select('id').where('org_id', '=', orgId)
   *     .where('id', 'in', userIds).where('active', '=', true).execute()).map((user) => user.id),
   */
  activeUsers?(orgId: string, userIds: readonly string[]): Iterable<string> | Promise<Iterable<string>>;
  /** Where attachments go; without it, attachment uploads answer 501... never: a local store is required for them. */
  files?: FileStore;
  hooks?: QmsHooks;
  /**
   * Signed checkpoints of the audit chain, written outside the database after every change
   * (a key it never holds, a store it cannot rewrite), so `GET /audit-trail/verify` detects a
   * trail rewritten by someone with full control of the database.
   *
   * @example
   * auditCheckpoints: {
   *   key: await createAuditKey(process.env.MASETRA_AUDIT_KEY),
   *   store: createFileCheckpointStore('/var/lib/masetra/audit-checkpoints.jsonl'),
   * }
   */
  auditCheckpoints?: AuditCheckpointing;
  /** The path the handler is mounted under when the request URL still carries it (Next.js). */
  basePath?: string;
  limits?: { jsonBodyBytes?: number; attachmentBytes?: number };
  /** The server clock. Tests pass a fixed one; hosts leave it. */
  clock?: () => Date;
  /** Export jobs (`POST /exports`): how many days a finished file is kept (7 when left out). */
  exports?: { retentionDays?: number };
  /**
   * Outbound webhooks: `allowPrivateAddresses` lets endpoints be registered on loopback, private
   * and link-local addresses (tests, a demo on one machine); refused when left out.
   */
  webhooks?: { allowPrivateAddresses?: boolean };
  /**
   * Where an input came from (client, device, integration), recorded with each audit entry
   * (PART11 12). Defaults to the `X-Masetra-Source` header and the user agent.
   */
  source?(request: Request): Record<string, unknown> | null;
  /**
   * The organization's name as printed on PDF exports (dossiers, audit trail, management review);
   * without it they print the organization's id.
   */
  organizationName?(orgId: string): string | undefined | Promise<string | undefined>;
}
