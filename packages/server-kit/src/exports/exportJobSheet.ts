import { auditTrailExportQuerySchema, type RecordType, recordExportQuerySchema } from '@masetra/core';
import type { KitContext } from '../http/KitContext';
import { parseQuery } from '../http/parseInput';
import { problems } from '../http/problems';
import { auditTrailSheet } from './auditTrailSheet';
import type { ExportSheet } from './exportSheet';
import {
  exportColumnsOrProblem,
  exportListOptions,
  type RecordExportQuery,
  recordSheet,
} from './recordSheet';

/** What a job exports, as stored with it. */
export interface ExportJobSelection {
  orgId: string;
  source: 'records' | 'auditTrail';
  collection: string | null;
  query: Record<string, string>;
  columns: string[] | null;
  /** For the audit trail: the newest entry when the job was asked for. */
  auditThroughSeq: number | null;
}

/** A record type served by this kit, by its collection; a 422 pointing at `collection` when there is none. */
export function exportedRecordType(kit: Pick<KitContext, 'registry'>, collection: string | null): RecordType {
  const recordType = collection ? kit.registry.byCollection(collection) : undefined;
  if (!recordType)
    throw problems.validation('No such collection.', [
      { pointer: '/collection', detail: `This server has no collection ${collection}.` },
    ]);
  return recordType;
}

/**
 * The sheet a job writes, its query checked by the same schemas as the direct downloads' (and so
 * at `POST /exports`, before the job is stored, and again when it runs).
 */
export function exportJobSheet(
  kit: Pick<KitContext, 'registry' | 'storage'>,
  selection: ExportJobSelection,
): ExportSheet {
  const { db } = kit.storage;
  if (selection.source === 'auditTrail') {
    const query = parseQuery(auditTrailExportQuerySchema, selection.query);
    return auditTrailSheet(db, selection.orgId, query, selection.auditThroughSeq ?? Number.MAX_SAFE_INTEGER);
  }
  const recordType = exportedRecordType(kit, selection.collection);
  const query = parseQuery(recordExportQuerySchema(recordType), selection.query) as RecordExportQuery;
  const columns = exportColumnsOrProblem(recordType, selection.columns ?? undefined, '/columns');
  return recordSheet(db, recordType, selection.orgId, exportListOptions(query), columns);
}
