import { sql } from 'kysely';
import type { ExportJobKit } from './runExportJob';
import { exportDb } from './runExportJob';

/** After its file expired, a job still answers 410 for this long; then it is forgotten (404). */
const FORGET_AFTER_DAYS = 30;

/**
 * Deletes the files of export jobs past their retention (their download then answers 410), and,
 * a month later, the jobs themselves; failed jobs go after the same month. The audit trail keeps
 * who exported what, for ever. Safe from several processes at once.
 */
export async function purgeExpiredExports(
  kit: Pick<ExportJobKit, 'storage' | 'now'>,
): Promise<{ files: number; jobs: number }> {
  const db = exportDb(kit.storage.db);
  const now = kit.now();
  const files = await db
    .deleteFrom('export_job_chunks')
    .where('job_id', 'in', db.selectFrom('export_jobs').select('id').where('expires_at', '<=', now))
    .executeTakeFirst();
  const forgetBefore = sql<Date>`${now}::timestamptz - make_interval(days => ${FORGET_AFTER_DAYS})`;
  const jobs = await db
    .deleteFrom('export_jobs')
    .where((where) =>
      where.or([
        where('expires_at', '<', forgetBefore),
        where.and([where('state', '=', 'failed'), where('finished_at', '<', forgetBefore)]),
      ]),
    )
    .executeTakeFirst();
  return { files: Number(files.numDeletedRows), jobs: Number(jobs.numDeletedRows) };
}
