import { kitRoutes } from '@masetra/core';
import { v7 as uuidv7 } from 'uuid';
import { fromAuditVerificationRow, runAuditVerification } from '../../audit-verification';
import { authorizeOrganization } from '../authorize';
import type { RequestContext } from '../KitContext';
import { parseParams } from '../parseInput';
import { problems } from '../problems';
import { jsonResponse } from '../responses';
import { runWrite } from '../runWrite';

/**
 * Starts a full verification of the organization's trail and answers 202 at once: the job runs
 * in this process after the answer, and the host's sweep (`resumeAuditVerifications`) takes it
 * over should this process die first.
 */
export async function startAuditVerificationHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'reviewAuditTrail');
  const { db } = context.kit.storage;
  const id = uuidv7();
  const response = await runWrite(context, '', async (trx) => {
    const row = await trx
      .insertInto('audit_verifications')
      .values({
        id,
        org_id: context.principal.orgId,
        status: 'queued',
        requested_by: context.principal.userId,
        requested_at: context.kit.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      status: 202,
      headers: { location: `${context.url.pathname}/${id}` },
      body: fromAuditVerificationRow(row),
      events: [],
    };
  });
  // A replayed retry answers with the first job, which is running or done already: nothing new to run.
  const job = (await response.clone().json()) as { id: string };
  if (job.id === id) {
    void runAuditVerification(db, id, context.kit.auditCheckpointer).catch((error) =>
      context.kit.options.hooks?.onError?.(error, context.request),
    );
  }
  return response;
}

export async function auditVerificationHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'reviewAuditTrail');
  const { verificationId } = parseParams(kitRoutes.auditVerification.params, context.params);
  const row = await context.kit.storage.db
    .selectFrom('audit_verifications')
    .selectAll()
    .where('id', '=', verificationId)
    .where('org_id', '=', context.principal.orgId)
    .executeTakeFirst();
  if (!row) throw problems.notFound('No such verification.');
  return jsonResponse(fromAuditVerificationRow(row));
}
