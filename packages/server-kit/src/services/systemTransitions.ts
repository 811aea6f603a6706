import {
  type Principal,
  type RecordBase,
  type RecordType,
  type RecordTypeRegistry,
  SYSTEM_ACTOR,
  type TransitionMeta,
} from '@masetra/core';
import type { Transaction } from 'kysely';
import { getNextTransitions } from 'xstate';
import type { Database } from '../storage/database';
import { findRecord, listRecords } from '../storage/records';
import type { Storage } from '../storage/storage';
import type { DomainEvent } from './QmsOptions';
import { acceptTransition, applyTransition } from './transitionRecord';

/** The actor of moves no person takes: recorded as such in the audit trail. */
export function systemPrincipal(orgId: string): Principal {
  return { userId: SYSTEM_ACTOR, displayName: 'Masetra scheduler', orgId, roles: [] };
}

/**
 * Takes one system move on a record inside the caller's transaction, if the machine
 * allows it now; returns the events, or null when the machine refuses.
 */
export async function applySystemMove(
  trx: Transaction<Database>,
  recordType: RecordType,
  record: RecordBase,
  event: string,
  now: Date,
): Promise<DomainEvent[] | null> {
  const input = {
    principal: systemPrincipal(record.orgId),
    recordType,
    current: record,
    expectedVersion: record.version,
    event,
    source: { client: 'masetra-scheduler' },
    now,
  };
  let outcome: ReturnType<typeof acceptTransition>;
  try {
    outcome = acceptTransition(input);
  } catch {
    return null;
  }
  return (await applyTransition(trx, input, outcome, 'Masetra scheduler')).events;
}

/** The follow-up moves a completed move causes (a new document version supersedes the old). */
export async function applyFollowUps(
  trx: Transaction<Database>,
  recordType: RecordType,
  record: RecordBase,
  from: string,
  to: string,
  now: Date,
): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for (const move of recordType.followUps?.(record as never, from, to) ?? []) {
    const target = await findRecord(trx, recordType, record.orgId, move.recordId);
    if (!target) continue;
    events.push(...((await applySystemMove(trx, recordType, target as RecordBase, move.event, now)) ?? []));
  }
  return events;
}

function scheduledMoves(recordType: RecordType): Map<string, string[]> {
  const byState = new Map<string, string[]>();
  for (const state of recordType.states) {
    const snapshot = recordType.machine.resolveState({ value: state, context: {} });
    const events = getNextTransitions(snapshot)
      .filter((candidate) => (candidate.meta as TransitionMeta | undefined)?.scheduled)
      .map((candidate) => candidate.eventType);
    if (events.length > 0) byState.set(state, [...new Set(events)]);
  }
  return byState;
}

/**
 * The scheduler's sweep: every move marked `scheduled` (a document's effective date) is
 * tried on every record in its state, each in its own transaction, so one refusal or
 * conflict never holds up the rest. Run it from a timer in each process; concurrent
 * sweeps are safe because every write lands only on the version it read.
 */
export async function runScheduledTransitions(options: {
  storage: Storage;
  registry: RecordTypeRegistry;
  orgIds: readonly string[];
  now?: Date;
}): Promise<{ moved: number; events: DomainEvent[] }> {
  const now = options.now ?? new Date();
  const events: DomainEvent[] = [];
  let moved = 0;
  for (const recordType of options.registry.list) {
    for (const [state, moves] of scheduledMoves(recordType)) {
      for (const orgId of options.orgIds) {
        let cursor: string | undefined;
        do {
          const page = await listRecords(options.storage.db, recordType, orgId, {
            limit: 100,
            cursor,
            sort: 'createdAt',
            filters: { state: [state] },
          });
          for (const record of page.items as RecordBase[]) {
            for (const event of moves) {
              const result = await options.storage.db
                .transaction()
                .execute(async (trx) => {
                  const done = await applySystemMove(trx, recordType, record, event, now);
                  if (!done) return null;
                  const to = (done[0]?.data.to as string | undefined) ?? state;
                  const fresh = (await findRecord(trx, recordType, orgId, record.id)) as RecordBase;
                  return [...done, ...(await applyFollowUps(trx, recordType, fresh, state, to, now))];
                })
                .catch(() => null);
              if (result) {
                moved += 1;
                events.push(...result);
                break;
              }
            }
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
    }
  }
  return { moved, events };
}
