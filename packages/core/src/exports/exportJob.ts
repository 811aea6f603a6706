import * as z from 'zod/mini';

/** Formats a record list can be exported in. */
export const recordExportFormats = ['csv', 'xlsx'] as const;
/** Formats the audit trail can be exported in. */
export const auditTrailExportFormats = ['csv', 'xlsx', 'pdf'] as const;
/** Where an export job stands. */
export const exportJobStates = ['queued', 'running', 'done', 'failed'] as const;
export type ExportJobState = (typeof exportJobStates)[number];

/** Comma-separated field names (`number,title,state`); which ones a type knows, the server checks. */
export const exportColumnsParam = z
  .string()
  .check(z.maxLength(2000), z.regex(/^\s*[A-Za-z_][\w]*\s*(,\s*[A-Za-z_][\w]*\s*)*$/));

/** A list query as the URL would carry it: each value text; the record type's own schema checks it. */
const listQueryValues = z.record(z.string(), z.string().check(z.maxLength(500)));

/**
 * The body of `POST /exports`: which data (a record list with its list query and columns, or
 * the audit trail with its filters) and in which format.
 */
export const exportJobInputSchema = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('records'),
    /** The collection, as in its URL: `deviations`. */
    collection: z.string().check(z.minLength(1), z.maxLength(64)),
    format: z.enum(recordExportFormats),
    /** The list's query: filters, `q`, `sort`, time range (no `limit` or `cursor`: the whole list). */
    query: z.optional(listQueryValues),
    /** Field names; the type's default columns when left out. */
    columns: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(100))),
  }),
  z.strictObject({
    source: z.literal('auditTrail'),
    format: z.enum(auditTrailExportFormats),
    /** The audit trail's filters: `recordType`, `recordId`, `actorId`, `action`, `from`, `to`. */
    query: z.optional(listQueryValues),
  }),
]);
export type ExportJobInput = z.infer<typeof exportJobInputSchema>;

/** An export run in the background: its progress, and the file's name and lifetime once done. */
export const exportJobSchema = z.object({
  id: z.string(),
  state: z.enum(exportJobStates),
  source: z.enum(['records', 'auditTrail']),
  format: z.enum(auditTrailExportFormats),
  /** The exported collection, for a record list. */
  collection: z.nullable(z.string()),
  /** Rows written so far. */
  rowsDone: z.int(),
  /** Rows the export will hold, counted when it starts; null before. */
  rowsTotal: z.nullable(z.int()),
  /** What the download will be called: `deviations-2026-11-30.xlsx`. */
  fileName: z.string(),
  createdAt: z.string(),
  finishedAt: z.nullable(z.string()),
  /** When the finished file is deleted; null until it is done. */
  expiresAt: z.nullable(z.string()),
  /** Why a failed job failed, as problem+json. */
  problem: z.optional(
    z.object({ type: z.string(), title: z.string(), status: z.int(), detail: z.optional(z.string()) }),
  ),
});
export type ExportJob = z.infer<typeof exportJobSchema>;
