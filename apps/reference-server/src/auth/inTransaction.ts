import type { Transaction } from 'kysely';
import type { AuthDatabase } from './authDatabase';

/**
 * The host's own writes that must commit with an auth change, or not at all: its audit-trail
 * entry about the change, above all. Runs inside the change's transaction, before it commits.
 */
export type InTransaction = (trx: Transaction<AuthDatabase>) => Promise<void>;
