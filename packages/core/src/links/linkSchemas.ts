import * as z from 'zod/mini';
import { hostRefSchema } from '../record-type/recordBase';
import { linkKindNames } from './linkKinds';

const recordTypeName = z.string().check(z.minLength(1), z.maxLength(64));

/** A record named by type and id, as a link's other end in a request. */
export const linkRecordRefSchema = z.strictObject({ type: recordTypeName, id: z.uuid() });
export type LinkRecordRef = z.infer<typeof linkRecordRefSchema>;

const kind = z.enum(linkKindNames);

/**
 * A link to add, seen from the record it is added to (the one in the URL, or the one being
 * created): `to` another record (this record is the source), `from` another record (this
 * record is the target), or to a `host` object (this record is the source).
 */
export const linkInputSchema = z.union([
  z.strictObject({ kind, to: linkRecordRefSchema }),
  z.strictObject({ kind, from: linkRecordRefSchema }),
  z.strictObject({ kind, host: hostRefSchema }),
]);
export type LinkInput = z.infer<typeof linkInputSchema>;

/** The body of removing a link: why (Annex 11 §9). */
export const linkRemovalSchema = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
});
export type LinkRemoval = z.infer<typeof linkRemovalSchema>;

/** The other end of a link when it is a record: enough to show and open it. */
export const linkedRecordSchema = z.object({
  type: z.string(),
  id: z.string(),
  number: z.string(),
  title: z.nullable(z.string()),
  state: z.string(),
});
export type LinkedRecord = z.infer<typeof linkedRecordSchema>;

/**
 * One link as a record sees it: `outgoing` when the record is its source, `incoming` when it
 * is its target; `record` or `host` is the other end.
 */
export const recordLinkSchema = z.object({
  id: z.string(),
  kind: z.enum(linkKindNames),
  direction: z.enum(['outgoing', 'incoming']),
  record: z.optional(linkedRecordSchema),
  host: z.optional(hostRefSchema),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.iso.datetime(),
});
export type RecordLink = z.infer<typeof recordLinkSchema>;
