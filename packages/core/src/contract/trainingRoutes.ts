import * as z from 'zod/mini';
import { documentKinds } from '../document/schema';
import { trainingKindSettingInputSchema, trainingKindSettingSchema } from '../training/trainees';
import { trainingMatrixSchema } from '../training/trainingMatrix';
import {
  myTrainingSchema,
  trainingAcknowledgementSchema,
  trainingTaskSchema,
} from '../training/trainingTask';
import { defineRoute } from './defineRoute';

/**
 * Training on controlled documents (read and understood). Served when the registry has the
 * built-in `document` type: a version becoming effective is what owes training.
 */
export const trainingRoutes = {
  myTraining: defineRoute({
    id: 'training.mine',
    kind: 'myTraining',
    method: 'GET',
    path: '/training/mine',
    summary: "The caller's training tasks: open ones soonest due first, then acknowledged ones; with counts",
    tags: ['training'],
    response: myTrainingSchema,
    successStatus: 200,
    problems: [401],
  }),
  trainingMatrix: defineRoute({
    id: 'training.matrix',
    kind: 'trainingMatrix',
    method: 'GET',
    path: '/training/matrix',
    summary: 'People × current effective documents: trained, due, overdue or not required',
    tags: ['training'],
    response: trainingMatrixSchema,
    successStatus: 200,
    problems: [401, 403],
  }),
  acknowledgeTraining: defineRoute({
    id: 'training.acknowledge',
    kind: 'acknowledgeTraining',
    method: 'POST',
    path: '/training/tasks/{id}/acknowledge',
    summary:
      'Acknowledge a training task: an electronic signature "read and understood" on that document version',
    tags: ['training'],
    params: z.strictObject({ id: z.uuid() }),
    body: trainingAcknowledgementSchema,
    response: trainingTaskSchema,
    successStatus: 200,
    idempotent: true,
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  }),
  trainingKindSettings: defineRoute({
    id: 'training.kindSettings.list',
    kind: 'trainingKindSettings',
    method: 'GET',
    path: '/training/kind-settings',
    summary: 'Who must be trained on each document kind, and in how many days',
    tags: ['training'],
    response: z.object({ items: z.array(trainingKindSettingSchema) }),
    successStatus: 200,
    problems: [401, 403],
  }),
  updateTrainingKindSetting: defineRoute({
    id: 'training.kindSettings.update',
    kind: 'updateTrainingKindSetting',
    method: 'PATCH',
    path: '/training/kind-settings/{documentKind}',
    summary:
      'Set who must be trained on a document kind (administrators; audited); applies to versions becoming effective after it',
    tags: ['training'],
    params: z.strictObject({ documentKind: z.enum(documentKinds) }),
    body: trainingKindSettingInputSchema,
    response: trainingKindSettingSchema,
    successStatus: 200,
    problems: [400, 401, 403, 413, 415, 422],
  }),
};
