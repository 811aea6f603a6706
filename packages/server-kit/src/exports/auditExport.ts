import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import type { RequestContext } from '../http/KitContext';
import type { Database } from '../storage/database';

/** The audit trail names an export as this record type, with the export's own id. */
export const EXPORT_TRAIL_TYPE = 'export';

/** What left the system: which data, in which format, selected how, how many rows. */
export interface ExportDescription {
  /** Export job id when there is one; a fresh id for a direct download. */
  exportId?: string;
  /** `deviations` (a record list), `audit-trail`, `deviations/<id>` (a dossier), `management-review`. */
  what: string;
  format: 'csv' | 'xlsx' | 'pdf';
  /** The filters the copy was selected by, as the request named them. */
  filters?: Record<string, unknown>;
  /** Rows in the copy, when it is counted (a dossier is one record). */
  rows?: number;
  /** The record a dossier is of. */
  recordId?: string;
  recordNumber?: string | null;
}

/**
 * Records that a copy of data left the system: who exported what, when, selected how
 * (Annex 11 §8.1 printouts, and an inspector's "who took this list"). One entry per export,
 * in its own transaction when the caller has none, so a download that fails half-way still
 * says it was asked for. It changes no record, so it announces no event.
 */
export async function auditExport(
  db: Kysely<Database> | Transaction<Database>,
  context: Pick<RequestContext, 'principal' | 'source' | 'kit'>,
  description: ExportDescription,
): Promise<string> {
  const exportId = description.exportId ?? uuidv7();
  const changes = [
    { field: 'what', new: description.what },
    { field: 'format', new: description.format },
    ...(description.filters && Object.keys(description.filters).length > 0
      ? [{ field: 'filters', new: description.filters }]
      : []),
    ...(description.rows !== undefined ? [{ field: 'rows', new: description.rows }] : []),
    ...(description.recordId ? [{ field: 'recordId', new: description.recordId }] : []),
    ...(description.recordNumber ? [{ field: 'recordNumber', new: description.recordNumber }] : []),
  ];
  const append = (trx: Transaction<Database>) =>
    appendAuditEntry(trx, {
      orgId: context.principal.orgId,
      at: context.kit.now().toISOString(),
      actorId: context.principal.userId,
      actorName: context.principal.displayName,
      action: 'export',
      recordType: EXPORT_TRAIL_TYPE,
      recordId: exportId,
      recordNumber: null,
      changes,
      reason: null,
      source: context.source,
      stateFrom: null,
      stateTo: null,
    });
  if (db.isTransaction) await append(db as Transaction<Database>);
  else await db.transaction().execute(append);
  return exportId;
}
