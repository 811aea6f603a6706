/**
 * A signed statement, kept outside the database, of the hashes an organization's audit chain
 * had: entries `fromSeq` to `toSeq`, one hash each, in order. Whoever controls the database can
 * rewrite the trail and recompute every hash, but cannot make these statements agree with it
 * without the key, which never enters the database.
 */
export interface AuditCheckpoint {
  orgId: string;
  /** The first entry this checkpoint states. */
  fromSeq: number;
  /** The last entry this checkpoint states: the chain head when it was written. */
  toSeq: number;
  /** `hashes[i]` is the hash of entry `fromSeq + i`. */
  hashes: string[];
  /** Server time it was written, ISO 8601. */
  at: string;
  /** Which key signed it, so keys can rotate. */
  keyId: string;
  /** Ed25519 signature (base64) over the canonical JSON of every other field. */
  signature: string;
}

export type UnsignedAuditCheckpoint = Omit<AuditCheckpoint, 'keyId' | 'signature'>;

/**
 * Where checkpoints are written: a file under the data directory by default, or the host's own
 * (write-once object storage, a second database, a ledger).
 */
export interface AuditCheckpointStore {
  append(checkpoint: AuditCheckpoint): Promise<void>;
  /** Every checkpoint of an organization, oldest first. */
  list(orgId: string): Promise<AuditCheckpoint[]>;
}
