import {
  type TrainingKindSettingInput,
  trainingAcknowledgementSchema,
  trainingKindSettingInputSchema,
} from '@masetra/core';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { authorizeOrganization } from '../http/authorize';
import type { RequestContext } from '../http/KitContext';
import { parseBody, parseParams } from '../http/parseInput';
import { problems } from '../http/problems';
import { readJsonBody } from '../http/readJsonBody';
import { jsonResponse } from '../http/responses';
import { runWrite } from '../http/runWrite';
import {
  ACKNOWLEDGE_TRAINING,
  acknowledgeTraining,
  loadTaskDocument,
  refuseAcknowledgement,
} from './acknowledgeTraining';
import { listKindSettings, setKindSetting } from './trainingKindSettings';
import { findTrainingTask, myTraining, trainingMatrix } from './trainingTasks';

/** `GET /training/mine`: the caller's own tasks; everyone signed in has some or none. */
export async function myTrainingHandler(context: RequestContext): Promise<Response> {
  const { principal } = context;
  return jsonResponse(
    await myTraining(context.kit.storage.db, principal.orgId, principal.userId, context.kit.now()),
  );
}

/** `GET /training/matrix`: for the roles the permission matrix lets read it. */
export async function trainingMatrixHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'viewTrainingMatrix');
  return jsonResponse(
    await trainingMatrix(
      context.kit.storage.db,
      context.kit.registry,
      context.principal.orgId,
      context.kit.now(),
    ),
  );
}

/**
 * `POST /training/tasks/{id}/acknowledge`: the assignee re-authenticates exactly as for any
 * signature (the host's `verifySigner`, outside the transaction); a refused attempt leaves only
 * its own entry in the document's trail.
 */
export async function acknowledgeTrainingHandler(context: RequestContext): Promise<Response> {
  const { kit, principal } = context;
  const { id } = parseParams(context.route.params, context.params) as { id: string };
  const { value, text } = await readJsonBody(context.request, kit.limits.jsonBodyBytes);
  const { signature } = parseBody(trainingAcknowledgementSchema, value);
  const task = await findTrainingTask(kit.storage.db, principal.orgId, id);
  if (!task) throw problems.notFound('No training task with that id.');
  const recordType = kit.registry.byName(task.document_type);
  const document = await loadTaskDocument(kit.storage.db, recordType, task);
  // A retry under its Idempotency-Key finds the task acknowledged: the write below answers it with
  // the first response (or, for a new key, refuses it in the transaction).
  refuseAcknowledgement(task, principal, document, {
    evenIfAcknowledged: context.request.headers.has('idempotency-key'),
  });
  const verdict = await kit.options.verifySigner({
    userId: principal.userId,
    sessionId: principal.sessionId,
    username: signature.username,
    password: signature.password,
    otp: signature.otp,
    meaning: signature.meaning,
  });
  if (!verdict.ok) {
    await kit.storage.db.transaction().execute((trx) =>
      appendAuditEntry(trx, {
        orgId: principal.orgId,
        at: kit.now().toISOString(),
        actorId: principal.userId,
        actorName: principal.displayName,
        action: 'signature_failed',
        recordType: task.document_type,
        recordId: task.document_id,
        recordNumber: task.document_number,
        changes: [
          {
            field: 'signature',
            old: null,
            new: { event: ACKNOWLEDGE_TRAINING, meaning: signature.meaning, code: verdict.code },
          },
        ],
        reason: null,
        source: context.source,
        stateFrom: document?.state ?? null,
        stateTo: null,
      }),
    );
    throw problems.signatureRejected(
      verdict.detail ?? 'The signing credentials were not accepted.',
      verdict.code,
    );
  }
  return runWrite(context, text, async (trx) => {
    const acknowledged = await acknowledgeTraining(trx, {
      principal,
      recordType,
      taskId: id,
      signerName: verdict.printedName ?? principal.displayName,
      at: kit.now(),
      source: context.source,
    });
    return { status: 200, headers: {}, body: acknowledged.task, events: acknowledged.events };
  });
}

/** `GET /training/kind-settings`: administrators, and those who read the matrix, see who each kind trains. */
export async function trainingKindSettingsHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'viewTrainingMatrix');
  return jsonResponse({ items: await listKindSettings(context.kit.storage.db, context.principal.orgId) });
}

/** `PATCH /training/kind-settings/{documentKind}`: administrators only; written to the audit trail. */
export async function updateTrainingKindSettingHandler(context: RequestContext): Promise<Response> {
  const { documentKind } = parseParams(context.route.params, context.params) as { documentKind: string };
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const input = parseBody(trainingKindSettingInputSchema, value) as TrainingKindSettingInput;
  authorizeOrganization(context, 'administerTraining');
  return runWrite(context, text, async (trx) => ({
    status: 200,
    headers: {},
    body: await setKindSetting(
      trx,
      context.principal,
      documentKind,
      input,
      context.kit.now().toISOString(),
      context.source,
    ),
    events: [],
  }));
}
