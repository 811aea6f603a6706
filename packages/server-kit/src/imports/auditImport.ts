import type { Transaction } from 'kysely';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import type { RequestContext } from '../http/KitContext';
import type { Database } from '../storage/database';

/** The audit trail names an import as this record type, with the import job's id. */
export const IMPORT_TRAIL_TYPE = 'import';

/** What came in: which file, into which collection, how many rows. */
export interface ImportDescription {
  importId: string;
  collection: string;
  fileName: string | null;
  format: 'csv' | 'xlsx';
  sha256: string;
  rows: number;
  /** Set when a failed job's file was sent again and the job queued once more. */
  resumed?: boolean;
}

/**
 * Records that records were asked to come in from a file: who imported which file (by its
 * SHA-256) into which collection, when. One entry per import, in the transaction that queues
 * the job, beside the `create` entry each record gets as it is made. Like an export it changes
 * no record itself, so it announces no event.
 */
export async function auditImport(
  trx: Transaction<Database>,
  context: Pick<RequestContext, 'principal' | 'source' | 'kit'>,
  description: ImportDescription,
): Promise<void> {
  await appendAuditEntry(trx, {
    orgId: context.principal.orgId,
    at: context.kit.now().toISOString(),
    actorId: context.principal.userId,
    actorName: context.principal.displayName,
    action: 'import',
    recordType: IMPORT_TRAIL_TYPE,
    recordId: description.importId,
    recordNumber: null,
    changes: [
      { field: 'collection', new: description.collection },
      ...(description.fileName ? [{ field: 'fileName', new: description.fileName }] : []),
      { field: 'format', new: description.format },
      { field: 'sha256', new: description.sha256 },
      { field: 'rows', new: description.rows },
      ...(description.resumed ? [{ field: 'resumed', new: true }] : []),
    ],
    reason: null,
    source: context.source,
    stateFrom: null,
    stateTo: null,
  });
}
