import type { Principal, RecordTypeRegistry, SignatureMeaning } from '@masetra/core';
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
  /** Where attachments go; without it, attachment uploads answer 501... never: a local store is required for them. */
  files?: FileStore;
  hooks?: QmsHooks;
  /** The path the handler is mounted under when the request URL still carries it (Next.js). */
  basePath?: string;
  limits?: { jsonBodyBytes?: number; attachmentBytes?: number };
  /** The server clock. Tests pass a fixed one; hosts leave it. */
  clock?: () => Date;
  /**
   * Where an input came from (client, device, integration), recorded with each audit entry
   * (PART11 12). Defaults to the `X-Masetra-Source` header and the user agent.
   */
  source?(request: Request): Record<string, unknown> | null;
}
