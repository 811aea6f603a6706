import * as z from 'zod/mini';

/**
 * Fields every record of every type carries. The server owns them: a client never
 * sets them through create or update inputs.
 */
export const recordBaseShape = {
  id: z.string(),
  orgId: z.string(),
  type: z.string(),
  /** Human number, e.g. `DEV-2026-0001`; ids are UUIDv7 and never shown to people. */
  number: z.string(),
  state: z.string(),
  /** Optimistic-concurrency version, bumped by every change; echoed as the ETag. */
  version: z.int(),
  ownerId: z.string(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Where a pending cancellation returns to when it is rejected. */
  stateBeforeCancellation: z.optional(z.nullable(z.string())),
};

export const recordBaseSchema = z.object(recordBaseShape);
export type RecordBase = z.infer<typeof recordBaseSchema>;

/** Names of the server-owned fields, refused in create and update inputs. */
export const serverOwnedFields = Object.keys(recordBaseShape) as (keyof RecordBase)[];

/** A link to an object of the host system (a batch, a sample, an equipment id). */
export const hostRefSchema = z.object({
  system: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: z.string().check(z.minLength(1), z.maxLength(64)),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  label: z.optional(z.string().check(z.maxLength(200))),
});
export type HostRef = z.infer<typeof hostRefSchema>;

export const nonEmptyText = (max = 10_000) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
