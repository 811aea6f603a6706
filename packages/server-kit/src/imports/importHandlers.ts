import { createHash } from 'node:crypto';
import { importQuerySchema, importRoutes } from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { authorize, authorizeOrganization } from '../http/authorize';
import { displayFileName } from '../http/handlers/attachments';
import { type RequestContext, recordTypeOf } from '../http/KitContext';
import { parseParams, parseQuery, queryObject } from '../http/parseInput';
import { problems } from '../http/problems';
import { jsonResponse } from '../http/responses';
import { enqueueOutboxEvent } from '../outbox/enqueueOutboxEvent';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';
import { auditImport } from './auditImport';
import { checkImportRows } from './checkImportRows';
import { importJobColumns, importJobOf } from './importJobRow';
import { readImportBody } from './readImportBody';
import { importFormatOf, readImportFile } from './readImportFile';
import { IMPORT_JOB_EVENT, importDb } from './runImportJob';

/**
 * `POST /{collection}/import?dryRun=…`: reads a CSV or XLSX file and checks every row as the
 * create would. A dry run (the default) answers 200 with each problem by row and column and
 * writes nothing. A real run refuses a file with problems (422, the same list), and otherwise
 * stores the job, writes the import to the trail and puts `IMPORT_JOB_EVENT` in the outbox in
 * one transaction, answering 202; the same file again (its SHA-256, per organization and record
 * type) answers its existing job and creates nothing, or queues a failed one once more.
 */
export async function recordImportHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  authorizeOrganization(context, 'importRecords');
  authorize(context, recordType, 'create');
  const { dryRun = 'true' } = parseQuery(importQuerySchema, queryObject(context.url));
  const format = importFormatOf(context.request.headers.get('content-type'));
  const fileName = context.request.headers.has('x-file-name') ? displayFileName(context.request) : null;
  const bytes = await readImportBody(context.request);
  const file = await readImportFile(format, bytes);
  const { report } = await checkImportRows(context.kit.options, context.principal, recordType, file);
  if (dryRun === 'true') return jsonResponse(report);
  if (report.problems.length > 0)
    throw problems.validation(
      `${report.problems.length} problems in the file; nothing was imported.`,
      report.problems.map((problem) => ({
        pointer: `/rows/${problem.row}${problem.column ? `/${problem.column}` : ''}`,
        detail: problem.detail,
      })),
      'import_invalid',
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const orgId = context.principal.orgId;
  const db = importDb(context.kit.storage.db);
  const description = { collection: recordType.collection, fileName, format, sha256, rows: report.rows };
  const { job, queued } = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('import_jobs')
      .select(importJobColumns)
      .where('org_id', '=', orgId)
      .where('record_type', '=', recordType.name)
      .where('sha256', '=', sha256)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.state !== 'failed') return { job: existing, queued: false };
    let stored = existing;
    if (existing) {
      // A failed job is resumed, not repeated: its rows already created stay, and are skipped.
      stored = await trx
        .updateTable('import_jobs')
        .set({ state: 'queued', problem: null, run_id: null, finished_at: null, heartbeat_at: null })
        .where('id', '=', existing.id)
        .returning(importJobColumns)
        .executeTakeFirstOrThrow();
    } else {
      stored = await trx
        .insertInto('import_jobs')
        .values({
          id: uuidv7(),
          org_id: orgId,
          record_type: recordType.name,
          collection: recordType.collection,
          sha256,
          format,
          file_name: fileName,
          file: bytes,
          requested_by: context.principal.userId,
          // Who the records are created as; the session id stays with the session.
          principal: toJsonb({
            userId: context.principal.userId,
            displayName: context.principal.displayName,
            orgId: context.principal.orgId,
            roles: context.principal.roles,
            ...(context.principal.locale ? { locale: context.principal.locale } : {}),
          }),
          source: context.source ? toJsonb(context.source) : null,
          state: 'queued',
          rows_total: report.valid,
          created_at: context.kit.now(),
        })
        .returning(importJobColumns)
        .executeTakeFirstOrThrow();
    }
    const database = trx as unknown as Transaction<Database>;
    await auditImport(database, context, { importId: stored.id, ...description, resumed: Boolean(existing) });
    await enqueueOutboxEvent(database, { orgId, type: IMPORT_JOB_EVENT, payload: { importId: stored.id } });
    return { job: stored, queued: true };
  });
  if (queued) await context.kit.auditCheckpointer?.checkpoint(orgId);
  return jsonResponse(await importJobOf(db, job), 202, {
    location: `${context.url.pathname.replace(/\/[^/]+\/import\/?$/, '')}/imports/${job.id}`,
  });
}

/** `GET /imports/{id}`: an import job of the caller's organization, theirs or any for an administrator. */
export async function importJobHandler(context: RequestContext): Promise<Response> {
  const { id } = parseParams(importRoutes.importJob.params, context.params);
  const db = importDb(context.kit.storage.db);
  const job = await db
    .selectFrom('import_jobs')
    .select(importJobColumns)
    .where('id', '=', id)
    .where('org_id', '=', context.principal.orgId)
    .executeTakeFirst();
  const visible =
    job && (job.requested_by === context.principal.userId || context.principal.roles.includes('admin'));
  if (!visible) throw problems.notFound('No such import.');
  return jsonResponse(await importJobOf(db, job));
}
