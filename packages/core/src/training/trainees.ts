import * as z from 'zod/mini';

/** Days a person has to acknowledge a newly effective version when nothing else is set. */
export const DEFAULT_TRAINING_DUE_DAYS = 30;

/**
 * Training is owed on entering this state of this record type: a document version becoming
 * effective. One place names it, so the server's hook and the screens ask the same rule.
 */
export const trainingTrigger = { recordType: 'document', state: 'effective' } as const;

const roleName = z.string().check(z.minLength(1), z.maxLength(64));
const userId = z.string().check(z.minLength(1), z.maxLength(200));
const dueDays = z.int().check(z.gte(1), z.lte(365));

/**
 * Who must be trained on a document (a field of the document) or on every document of a kind
 * (an organization setting): everyone holding one of `roles` when a version becomes
 * effective, and the people named in `userIds`. `dueDays` after the effective date the
 * training is due; the document's own number wins over its kind's.
 */
export const traineesSchema = z.strictObject({
  roles: z.array(roleName).check(z.maxLength(50)),
  userIds: z.array(userId).check(z.maxLength(500)),
  dueDays: z.optional(dueDays),
});
export type Trainees = z.infer<typeof traineesSchema>;

/** The body of setting a kind's trainees: who, how long, and why the setting changed (Annex 11 §9). */
export const trainingKindSettingInputSchema = z.strictObject({
  roles: z.array(roleName).check(z.maxLength(50)),
  userIds: z.array(userId).check(z.maxLength(500)),
  dueDays: dueDays,
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
});
export type TrainingKindSettingInput = z.infer<typeof trainingKindSettingInputSchema>;

/** One document kind's trainees as stored: unset kinds answer with no one and the default days. */
export const trainingKindSettingSchema = z.object({
  documentKind: z.string(),
  roles: z.array(z.string()),
  userIds: z.array(z.string()),
  dueDays: z.int(),
  updatedAt: z.nullable(z.iso.datetime()),
  updatedBy: z.nullable(z.string()),
});
export type TrainingKindSetting = z.infer<typeof trainingKindSettingSchema>;

/**
 * Everyone a version owes training to: the union of the document's and its kind's roles and
 * people; the document's due days, else the kind's, else the default.
 */
export function mergeTrainees(
  fromDocument: Trainees | undefined,
  fromKind: Pick<TrainingKindSetting, 'roles' | 'userIds' | 'dueDays'> | undefined,
): { roles: string[]; userIds: string[]; dueDays: number } {
  return {
    roles: [...new Set([...(fromDocument?.roles ?? []), ...(fromKind?.roles ?? [])])],
    userIds: [...new Set([...(fromDocument?.userIds ?? []), ...(fromKind?.userIds ?? [])])],
    dueDays: fromDocument?.dueDays ?? fromKind?.dueDays ?? DEFAULT_TRAINING_DUE_DAYS,
  };
}
