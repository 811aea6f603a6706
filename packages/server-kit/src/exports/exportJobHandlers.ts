import {
  auditTrailExportQuerySchema,
  exportJobInputSchema,
  exportRoutes,
  problemTypes,
  recordExportQuerySchema,
} from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { authorize, authorizeOrganization } from '../http/authorize';
import type { RequestContext } from '../http/KitContext';
import { ProblemError } from '../http/ProblemError';
import { parseBody, parseParams, parseQuery } from '../http/parseInput';
import { problems } from '../http/problems';
import { readJsonBody } from '../http/readJsonBody';
import { jsonResponse } from '../http/responses';
import { runWrite } from '../http/runWrite';
import { enqueueOutboxEvent } from '../outbox/enqueueOutboxEvent';
import { pdfLocaleOf } from '../pdf/pdfMessages';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { auditExport } from './auditExport';
import { auditTrailHeadSeq } from './auditTrailHead';
import { attachmentDisposition, exportFileName } from './exportFileName';
import { fromExportJobRow } from './exportJobRow';
import { exportedRecordType } from './exportJobSheet';
import type { ExportDatabase } from './exportJobTables';
import { exportColumnsOrProblem } from './recordSheet';
import { EXPORT_JOB_EVENT, exportDb } from './runExportJob';
import { sheetContentTypes } from './writeSheet';

/** A job's query, checked by the direct download's schema; its issues point into the body's `query`. */
function checkedQuery<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ProblemError) || error.problem.status !== 400) throw error;
    throw problems.validation(
      'The query does not match the export.',
      (error.problem.errors ?? []).map((issue) => ({ ...issue, pointer: `/query${issue.pointer}` })),
    );
  }
}

/**
 * `POST /exports`: checks what is asked exactly as the direct download would (permission, query,
 * columns), stores the job, writes the export to the trail and puts `EXPORT_JOB_EVENT` in the
 * outbox, all in one transaction, and answers 202. A worker of any process runs the job; the
 * host's sweep (`runExportJobs`) takes over one whose process died.
 */
export async function startExportHandler(context: RequestContext): Promise<Response> {
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const input = parseBody(exportJobInputSchema, value);
  const query = input.query ?? {};
  let collection: string | null = null;
  let columns: string[] | null = null;
  let what: string;
  if (input.source === 'records') {
    const recordType = exportedRecordType(context.kit, input.collection);
    authorize(context, recordType, 'read');
    checkedQuery(() => parseQuery(recordExportQuerySchema(recordType), query));
    columns = exportColumnsOrProblem(recordType, input.columns, '/columns').map((column) => column.field);
    if (query.columns !== undefined)
      throw problems.validation('Name the columns beside the query.', [
        { pointer: '/query/columns', detail: 'Use the body’s columns.' },
      ]);
    collection = recordType.collection;
    what = recordType.collection;
  } else {
    authorizeOrganization(context, 'exportAuditTrail');
    checkedQuery(() => parseQuery(auditTrailExportQuerySchema, query));
    what = 'audit-trail';
  }
  const id = uuidv7();
  const now = context.kit.now();
  const auditThroughSeq =
    input.source === 'auditTrail'
      ? await auditTrailHeadSeq(context.kit.storage.db, context.principal.orgId)
      : null;
  return runWrite(context, text, async (trx) => {
    const row = await (trx as unknown as Transaction<ExportDatabase>)
      .insertInto('export_jobs')
      .values({
        id,
        org_id: context.principal.orgId,
        requested_by: context.principal.userId,
        requested_by_name: `${context.principal.displayName} (${context.principal.userId})`,
        locale: pdfLocaleOf(context),
        source: input.source,
        format: input.format,
        collection,
        query: toJsonb(query),
        columns: columns ? toJsonb(columns) : null,
        audit_through_seq: auditThroughSeq,
        file_name: exportFileName(what, input.format, now),
        state: 'queued',
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditExport(trx, context, {
      exportId: id,
      what,
      format: input.format,
      filters: { ...query, ...(columns ? { columns } : {}) },
    });
    await enqueueOutboxEvent(trx as Transaction<Database>, {
      orgId: context.principal.orgId,
      type: EXPORT_JOB_EVENT,
      payload: { exportId: id },
    });
    return {
      status: 202,
      headers: { location: `${context.url.pathname.replace(/\/$/, '')}/${id}` },
      body: fromExportJobRow(row),
      events: [],
    };
  });
}

/** A job of the caller's organization that the caller may see: their own, or any for an administrator. */
async function loadExportJob(context: RequestContext) {
  const { id } = parseParams(exportRoutes.exportJob.params, context.params);
  const job = await exportDb(context.kit.storage.db)
    .selectFrom('export_jobs')
    .selectAll()
    .where('id', '=', id)
    .where('org_id', '=', context.principal.orgId)
    .executeTakeFirst();
  // Another person's export is theirs: the file may hold what only their roles can read.
  const visible =
    job && (job.requested_by === context.principal.userId || context.principal.roles.includes('admin'));
  if (!visible) throw problems.notFound('No such export.');
  return job;
}

/** `GET /exports/{id}`: the job's state and progress. */
export async function exportJobHandler(context: RequestContext): Promise<Response> {
  return jsonResponse(fromExportJobRow(await loadExportJob(context)));
}

/** `GET /exports/{id}/file`: the finished file, streamed a stored piece at a time. */
export async function exportJobFileHandler(context: RequestContext): Promise<Response> {
  const job = await loadExportJob(context);
  if (job.state !== 'done' || !job.run_id)
    throw problems.conflict(
      job.state === 'failed' ? 'The export failed; start another.' : 'The export is not done yet.',
    );
  if (job.expires_at && job.expires_at.getTime() <= context.kit.now().getTime())
    throw new ProblemError({
      status: 410,
      type: problemTypes.gone,
      title: 'Gone',
      detail: 'The export’s file has expired and was deleted; start another.',
    });
  const db = exportDb(context.kit.storage.db);
  const runId = job.run_id;
  let seq = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await db
        .selectFrom('export_job_chunks')
        .select('bytes')
        .where('job_id', '=', job.id)
        .where('run_id', '=', runId)
        .where('seq', '=', seq)
        .executeTakeFirst();
      if (!chunk) {
        controller.close();
        return;
      }
      seq += 1;
      controller.enqueue(new Uint8Array(chunk.bytes));
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type':
        job.format === 'pdf' ? 'application/pdf' : sheetContentTypes[job.format as 'csv' | 'xlsx'],
      'content-disposition': attachmentDisposition(job.file_name),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(job.size_bytes !== null ? { 'content-length': String(job.size_bytes) } : {}),
    },
  });
}
