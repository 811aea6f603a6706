import {
  type MyTraining,
  type RecordBase,
  type RecordTypeRegistry,
  type TrainingMatrix,
  trainingCellStatus,
  trainingTrigger,
} from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { listRecords } from '../storage/records';
import { organizationPeople } from './trainingPeople';
import { withTraining } from './trainingTables';
import { dayOf, type TrainingTaskRow, toTrainingTask } from './trainingTaskRow';

/** One task of an organization, or undefined: another organization's is as absent as a missing one. */
export async function findTrainingTask(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<TrainingTaskRow | undefined> {
  return withTraining(db)
    .selectFrom('training_tasks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The most acknowledged tasks "my training" lists after the open ones. */
const ACKNOWLEDGED_SHOWN = 100;

/**
 * A person's training: open tasks soonest due first, then the latest acknowledged ones. Tasks
 * closed because their version was superseded are no longer needed and are left out.
 */
export async function myTraining(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  now: Date,
): Promise<MyTraining> {
  const today = dayOf(now);
  const tasks = withTraining(db)
    .selectFrom('training_tasks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assignee_id', '=', userId);
  const open = await tasks
    .where('status', '=', 'open')
    .orderBy('due_on')
    .orderBy('document_number')
    .execute();
  const acknowledged = await tasks
    .where('status', '=', 'acknowledged')
    .orderBy('acknowledged_at', 'desc')
    .limit(ACKNOWLEDGED_SHOWN)
    .execute();
  const items = [...open, ...acknowledged].map((row) => toTrainingTask(row, today));
  return { items, open: open.length, overdue: items.filter((task) => task.overdue).length };
}

/** Every effective version of the trigger's record type, by number: the matrix's columns. */
async function effectiveDocuments(db: Kysely<Database>, registry: RecordTypeRegistry, orgId: string) {
  const recordType = registry.byName(trainingTrigger.recordType);
  if (!recordType) return [];
  const documents: (RecordBase & Record<string, unknown>)[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecords(db, recordType, orgId, {
      limit: 200,
      cursor,
      sort: 'number',
      filters: { state: [trainingTrigger.state] },
    });
    documents.push(...(page.items as (RecordBase & Record<string, unknown>)[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return documents;
}

/**
 * People × current effective document versions. A cell counts only the task of the version
 * in its column: training on a superseded version is no training on the one in force. Rows are
 * the organization's active people and anyone else holding a task of a column.
 */
export async function trainingMatrix(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  orgId: string,
  now: Date,
): Promise<TrainingMatrix> {
  const today = dayOf(now);
  const documents = await effectiveDocuments(db, registry, orgId);
  const rows =
    documents.length === 0
      ? []
      : await withTraining(db)
          .selectFrom('training_tasks')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(
            'document_id',
            'in',
            documents.map((document) => document.id),
          )
          .execute();
  const key = (documentId: string, versionLabel: string, userId: string) =>
    `${documentId}\u0000${versionLabel}\u0000${userId}`;
  const tasks = new Map(rows.map((row) => [key(row.document_id, row.version_label, row.assignee_id), row]));
  const people = await organizationPeople(db, orgId);
  const known = new Set(people.map((person) => person.userId));
  for (const row of rows) {
    if (known.has(row.assignee_id)) continue;
    known.add(row.assignee_id);
    people.push({ userId: row.assignee_id, name: row.assignee_name });
  }
  const columns = documents.map((document) => ({
    id: document.id,
    number: document.number,
    title: String(document.title ?? document.number),
    versionLabel: String(document.versionLabel ?? ''),
    effectiveDate: typeof document.effectiveDate === 'string' ? document.effectiveDate : null,
  }));
  let overdue = 0;
  const matrixPeople = people.map((person) => ({
    userId: person.userId,
    name: person.name,
    cells: columns.map((column) => {
      const task = tasks.get(key(column.id, column.versionLabel, person.userId));
      const status = trainingCellStatus(task && { status: task.status, dueOn: task.due_on }, today);
      if (status === 'overdue') overdue += 1;
      const counts = status !== 'not_required' && task;
      return {
        documentId: column.id,
        status,
        dueOn: counts ? task.due_on : null,
        acknowledgedAt: counts ? (toTrainingTask(task, today).acknowledgedAt ?? null) : null,
      };
    }),
  }));
  return { documents: columns, people: matrixPeople, overdue };
}
