/** The people a record names (its owner, a lead auditor, task owners) must be active users of the caller's organization. */
import type { FieldIssue, Principal, RecordType } from '@masetra/core';
import { problems } from '../http/problems';
import type { QmsOptions } from './QmsOptions';

/** A user id written in a record, and the JSON pointer of where. */
export interface UserReference {
  pointer: string;
  userId: string;
}

const OWNER_POINTER = '/ownerId';

function referencesAt(value: unknown, segments: readonly string[], pointer: string): UserReference[] {
  if (segments.length === 0) return typeof value === 'string' ? [{ pointer, userId: value }] : [];
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === '*') {
    return Array.isArray(value)
      ? value.flatMap((element, index) => referencesAt(element, rest, `${pointer}/${index}`))
      : [];
  }
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return [];
  return referencesAt((value as Record<string, unknown>)[segment], rest, `${pointer}/${segment}`);
}

/** Every user id `fields` (a record, a create body or an update's changes) names, with where it names it. */
export function userReferencesOf(recordType: RecordType, fields: Record<string, unknown>): UserReference[] {
  return [OWNER_POINTER, ...(recordType.userReferences ?? [])].flatMap((pattern) =>
    referencesAt(fields, pattern.split('/').slice(1), ''),
  );
}

export interface UserReferenceCheck {
  principal: Principal;
  recordType: RecordType;
  /** The create body, or the update's changes. */
  fields: Record<string, unknown>;
  /** The record before an update: the people it names already stay acceptable, even if deactivated since. */
  before?: Record<string, unknown>;
  /** Where `fields` sits in the request body: `/changes` for an update. */
  pointerPrefix?: string;
}

/**
 * Asks the host's `activeUsers` about every person the write names anew, and refuses with a
 * 422 (a pointer per field) when one is not an active user of the caller's organization: a
 * record must not be owned by someone who left, or by a user of another tenant. Runs before
 * the write's transaction, so the host may query its own database (PGlite has one connection).
 * Without `activeUsers` the kit cannot know the host's users and checks nothing.
 */
export async function assertActiveUserReferences(
  options: QmsOptions,
  check: UserReferenceCheck,
): Promise<void> {
  if (!options.activeUsers) return;
  const existing = new Set(
    check.before ? userReferencesOf(check.recordType, check.before).map((reference) => reference.userId) : [],
  );
  const named = userReferencesOf(check.recordType, check.fields).filter(
    (reference) => !existing.has(reference.userId),
  );
  if (named.length === 0) return;
  const userIds = [...new Set(named.map((reference) => reference.userId))];
  const active = new Set(await options.activeUsers(check.principal.orgId, userIds));
  const issues: FieldIssue[] = named
    .filter((reference) => !active.has(reference.userId))
    .map((reference) => ({
      pointer: `${check.pointerPrefix ?? ''}${reference.pointer}`,
      detail: 'Not an active user of this organization.',
    }));
  if (issues.length > 0) {
    throw problems.validation(
      'A person the record names is not an active user of this organization.',
      issues,
      'user_not_active',
    );
  }
}
