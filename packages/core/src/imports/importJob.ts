import * as z from 'zod/mini';

/** Where an import job stands. */
export const importJobStates = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobState = (typeof importJobStates)[number];

/** The formats an import reads, by the content type the upload names. */
export const importContentTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ImportFormat = keyof typeof importContentTypes;

/** The largest file an import takes, and the most rows: one job, not a data migration. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

/** Why a cell, a column or a row cannot be imported. */
export const importProblemCodes = [
  'unknown_column',
  'refused_column',
  'duplicate_column',
  'required',
  'invalid_value',
  'invalid_date',
  'invalid_number',
  'invalid_boolean',
  'invalid_enum',
  'no_rows',
  'too_many_rows',
] as const;

/**
 * One problem of an import: the spreadsheet row (the header is row 1, the first record row 2;
 * 1 for a problem of the header itself) and the column, by its header.
 */
export const importProblemSchema = z.object({
  row: z.int(),
  column: z.nullable(z.string()),
  code: z.enum(importProblemCodes),
  detail: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** What a dry run finds: how many record rows, how many would be created, and each problem. */
export const importReportSchema = z.object({
  rows: z.int(),
  valid: z.int(),
  problems: z.array(importProblemSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The query of `POST /{collection}/import`: a dry run (the default) or the real one. */
export const importQuerySchema = z.strictObject({
  dryRun: z.optional(z.enum(['true', 'false'])),
});

/** A record an import created, by the row it came from. */
export const importedRecordSchema = z.object({ row: z.int(), id: z.string(), number: z.string() });
export type ImportedRecord = z.infer<typeof importedRecordSchema>;

/** An import run in the background: its progress, and the records it created so far. */
export const importJobSchema = z.object({
  id: z.string(),
  state: z.enum(importJobStates),
  collection: z.string(),
  format: z.enum(['csv', 'xlsx']),
  fileName: z.nullable(z.string()),
  /** The file's SHA-256: the same file imported again into the same collection is this job. */
  sha256: z.string(),
  rowsDone: z.int(),
  rowsTotal: z.int(),
  created: z.array(importedRecordSchema),
  problems: z.array(importProblemSchema),
  createdAt: z.string(),
  finishedAt: z.nullable(z.string()),
  problem: z.optional(
    z.object({ type: z.string(), title: z.string(), status: z.int(), detail: z.optional(z.string()) }),
  ),
});
export type ImportJob = z.infer<typeof importJobSchema>;
