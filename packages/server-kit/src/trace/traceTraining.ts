/**
 * The training on each controlled-document version of a trace: the chain a deviation starts
 * ends in the people trained on the document its CAPA changed. Counts only (the matrix names
 * the people, for those allowed to see it). One query for every version of the chain.
 */
import { type TraceTraining, trainingCellStatus } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { withTraining } from '../training/trainingTables';
import { dayOf } from '../training/trainingTaskRow';

/** By version id, the versions among `documentIds` whose training was given out; `now` decides what is overdue. */
export async function trainingOfVersions(
  db: Kysely<Database>,
  orgId: string,
  documentIds: readonly string[],
  now: Date,
): Promise<Map<string, TraceTraining>> {
  const summaries = new Map<string, TraceTraining>();
  if (documentIds.length === 0) return summaries;
  const tasks = await withTraining(db)
    .selectFrom('training_tasks')
    .select(['document_id', 'status', 'due_on'])
    .where('org_id', '=', orgId)
    .where('document_id', 'in', [...documentIds])
    // A task closed because its version stopped being effective trains no one on it.
    .where('status', '!=', 'superseded')
    .execute();
  const today = dayOf(now);
  for (const task of tasks) {
    const summary = summaries.get(task.document_id) ?? { assigned: 0, acknowledged: 0, overdue: 0 };
    summary.assigned += 1;
    const status = trainingCellStatus({ status: task.status, dueOn: task.due_on }, today);
    if (status === 'trained') summary.acknowledged += 1;
    if (status === 'overdue') summary.overdue += 1;
    summaries.set(task.document_id, summary);
  }
  return summaries;
}
