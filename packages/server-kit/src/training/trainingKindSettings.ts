import {
  DEFAULT_TRAINING_DUE_DAYS,
  documentKinds,
  type Principal,
  type TrainingKindSetting,
  type TrainingKindSettingInput,
} from '@masetra/core';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { toIsoString } from '../storage/timestamps';
import { withTraining } from './trainingTables';

/** The audit trail names a kind's setting as this record type, with the kind as its id. */
export const KIND_SETTING_TRAIL_TYPE = 'training_kind_setting';

const unset = (documentKind: string): TrainingKindSetting => ({
  documentKind,
  roles: [],
  userIds: [],
  dueDays: DEFAULT_TRAINING_DUE_DAYS,
  updatedAt: null,
  updatedBy: null,
});

/** One kind's setting, or the unset one (nobody, the default days). */
export async function findKindSetting(
  db: Kysely<Database>,
  orgId: string,
  documentKind: string,
): Promise<TrainingKindSetting> {
  const row = await withTraining(db)
    .selectFrom('training_kind_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('document_kind', '=', documentKind)
    .executeTakeFirst();
  if (!row) return unset(documentKind);
  return {
    documentKind,
    roles: row.roles,
    userIds: row.user_ids,
    dueDays: row.due_days,
    updatedAt: toIsoString(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** Every document kind's setting, in the kinds' own order. */
export async function listKindSettings(db: Kysely<Database>, orgId: string): Promise<TrainingKindSetting[]> {
  return Promise.all(documentKinds.map((kind) => findKindSetting(db, orgId, kind)));
}

/**
 * Sets a kind's trainees in the caller's transaction and writes the change, old and new, to the
 * organization's audit trail. It applies to versions that become effective after it: tasks
 * already given stay as they are.
 */
export async function setKindSetting(
  trx: Transaction<Database>,
  principal: Principal,
  documentKind: string,
  input: TrainingKindSettingInput,
  at: string,
  source: Record<string, unknown> | null,
): Promise<TrainingKindSetting> {
  const before = await findKindSetting(trx, principal.orgId, documentKind);
  const values = {
    roles: toJsonb([...new Set(input.roles)]),
    user_ids: toJsonb([...new Set(input.userIds)]),
    due_days: input.dueDays,
    updated_at: at,
    updated_by: principal.userId,
  };
  await withTraining(trx)
    .insertInto('training_kind_settings')
    .values({ org_id: principal.orgId, document_kind: documentKind, ...values })
    .onConflict((conflict) => conflict.columns(['org_id', 'document_kind']).doUpdateSet(values))
    .execute();
  const after = await findKindSetting(trx, principal.orgId, documentKind);
  const shown = (setting: TrainingKindSetting) => ({
    roles: setting.roles,
    userIds: setting.userIds,
    dueDays: setting.dueDays,
  });
  await appendAuditEntry(trx, {
    orgId: principal.orgId,
    at,
    actorId: principal.userId,
    actorName: principal.displayName,
    action: 'update',
    recordType: KIND_SETTING_TRAIL_TYPE,
    recordId: documentKind,
    recordNumber: null,
    changes: [{ field: 'trainees', old: before.updatedAt ? shown(before) : null, new: shown(after) }],
    reason: input.reason ?? null,
    source,
    stateFrom: null,
    stateTo: null,
  });
  return after;
}
