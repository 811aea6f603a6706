/** One field's change in an audit-trail entry: the value before and after (absent = no value). */
export interface AuditChange {
  field: string;
  old?: unknown;
  new?: unknown;
}

/** Where a change came from (PART11 item 12): the client, device or integration. */
export interface AuditSource {
  client?: string;
  ip?: string;
  userAgent?: string;
  [detail: string]: unknown;
}

/** What the application knows when it appends an entry; the trail adds the rest. */
export interface AuditEntryInput {
  orgId: string;
  /** Server time of the change; now when left out. Kept to the millisecond. */
  at?: string | Date;
  actorId: string;
  /** Printed name of the actor at the time, kept even if the user is renamed later. */
  actorName: string;
  /** `create`, `update`, `transition`, `signature`, `attachment`, `comment`, ... */
  action: string;
  recordType: string;
  recordId: string;
  recordNumber?: string | null;
  /** A create lists every initial value (PART11 item 3); an update each changed field. */
  changes?: readonly AuditChange[];
  /** Why (Annex 11 §9): required by the services for changes after submission. */
  reason?: string | null;
  source?: AuditSource | null;
  stateFrom?: string | null;
  stateTo?: string | null;
}

/** An entry as stored: append-only, numbered per organization and hash-chained. */
export interface AuditEntry {
  id: string;
  orgId: string;
  /** 1, 2, 3, ... per organization, without gaps. */
  seq: number;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  recordType: string;
  recordId: string;
  recordNumber: string | null;
  changes: AuditChange[];
  reason: string | null;
  source: AuditSource | null;
  stateFrom: string | null;
  stateTo: string | null;
  /** Hash of the organization's previous entry (`GENESIS_HASH` for the first). */
  previousHash: string;
  hash: string;
}
