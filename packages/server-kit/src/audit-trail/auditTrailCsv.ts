import { type AuditTrailEntry, canonicalJson } from '@masetra/core';
import { spreadsheetSafeCsv } from '../exports/spreadsheetSafeCsv';
import { auditEntryContent } from './auditEntryContent';

/** The columns of the audit-trail CSV, in order. The last three let anyone check a copy without us. */
export const auditTrailCsvColumns = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'record_type',
  'record_number',
  'record_id',
  'field',
  'old_value',
  'new_value',
  'reason',
  'state_from',
  'state_to',
  'entry_id',
  'previous_hash',
  'entry_hash',
  /** On an entry's first row: exactly what its hash covers, as canonical JSON. */
  'entry_content',
] as const;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One row per changed field. An entry is checked offline from its own rows: its hash is
 * SHA-256 of `previous_hash`, a newline and `entry_content` (scripts/verify-audit-export.mjs),
 * and consecutive entries link by `previous_hash`.
 */
export function auditTrailRowsOf(entry: AuditTrailEntry): string[][] {
  const changes = entry.changes.length > 0 ? entry.changes : [{ field: '', old: null, new: null }];
  return changes.map((change, index) => [
    String(entry.seq),
    entry.at,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.recordType,
    entry.recordNumber ?? '',
    entry.recordId,
    change.field,
    cell(change.old),
    cell(change.new),
    entry.reason ?? '',
    entry.stateFrom ?? '',
    entry.stateTo ?? '',
    entry.id,
    entry.previousHash,
    entry.hash,
    index === 0 ? canonicalJson(auditEntryContent(entry)) : '',
  ]);
}

/**
 * CSV text for a batch of entries. Cells that a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with `'` (CSV injection);
 * `entry_content` keeps every value exactly, and starts with `{`, so it is never touched.
 */
export function auditTrailCsv(entries: readonly AuditTrailEntry[], withHeader: boolean): string {
  return spreadsheetSafeCsv(entries.flatMap(auditTrailRowsOf), withHeader ? auditTrailCsvColumns : undefined);
}
