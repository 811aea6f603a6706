/**
 * A record's traceability chain: the records reachable from it over links, in either direction
 * (deviation → CAPA → changed document → training), each with its number, title and state.
 */
import * as z from 'zod/mini';
import { hostRefSchema } from '../record-type/recordBase';
import { linkKindNames } from './linkKinds';
import { linkedRecordSchema } from './linkSchemas';

/**
 * How far a trace walks: links away from the record, and records in all. A chain longer or
 * wider is cut there and answered with `truncated: true`, so one request stays cheap.
 */
export const traceLimits = { depth: 4, records: 60 } as const;

/**
 * Where the training on a controlled-document version stands: the end of a chain from a
 * deviation through its CAPA to the changed document. Counts only, no names: whoever may read
 * the document sees how far its training has come; the matrix names the people.
 */
export const traceTrainingSchema = z.object({
  /** People given a task on this version (superseded tasks of an older version do not count). */
  assigned: z.number(),
  acknowledged: z.number(),
  /** Open tasks past their due date. */
  overdue: z.number(),
});
export type TraceTraining = z.infer<typeof traceTrainingSchema>;

/** A record of the chain, and how many links away from the traced record it is (0 for itself). */
export const traceRecordSchema = z.extend(linkedRecordSchema, {
  depth: z.number(),
  /** For a controlled-document version whose training has been given out. */
  training: z.optional(traceTrainingSchema),
});
export type TraceRecord = z.infer<typeof traceRecordSchema>;

const recordEnd = z.object({ type: z.string(), id: z.string() });

/** A link of the chain: its source record, and its target record or host object. */
export const traceLinkSchema = z.object({
  id: z.string(),
  kind: z.enum(linkKindNames),
  from: recordEnd,
  to: z.optional(recordEnd),
  host: z.optional(hostRefSchema),
});
export type TraceLink = z.infer<typeof traceLinkSchema>;

/** The answer of `GET /{collection}/{id}/trace`: records nearest first, and the links between them. */
export const traceSchema = z.object({
  records: z.array(traceRecordSchema),
  links: z.array(traceLinkSchema),
  /** Whether the walk stopped at `traceLimits` with more links beyond. */
  truncated: z.boolean(),
});
export type Trace = z.infer<typeof traceSchema>;
