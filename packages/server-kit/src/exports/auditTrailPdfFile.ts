import type { Writable } from 'node:stream';
import {
  auditTrailExportQuerySchema,
  MAX_PAGE_SIZE,
  type SupportedLocale,
  supportedLocales,
} from '@masetra/core';
import { parseQuery } from '../http/parseInput';
import { writeAuditTrailPdf } from '../pdf/writeAuditTrailPdf';
import { auditTrailPages } from './auditTrailSheet';
import type { ExportJobKit } from './runExportJob';

/** What an audit-trail PDF job prints, as stored with the job when it was asked for. */
export interface AuditTrailPdfJob {
  org_id: string;
  query: Record<string, string>;
  audit_through_seq: string | number | null;
  requested_by_name: string;
  locale: string;
}

/**
 * Writes a job's audit-trail PDF (the PDF export's own writer) to `output`, reporting progress
 * after each page of entries; resolves with the entries written.
 */
export async function writeAuditTrailPdfFile(
  kit: ExportJobKit,
  job: AuditTrailPdfJob,
  output: Writable,
  onProgress: (entriesWritten: number) => Promise<void>,
): Promise<number> {
  const filters = parseQuery(auditTrailExportQuerySchema, job.query);
  const throughSeq = job.audit_through_seq === null ? Number.MAX_SAFE_INTEGER : Number(job.audit_through_seq);
  async function* entries() {
    for await (const page of auditTrailPages(kit.storage.db, job.org_id, filters, throughSeq))
      yield* page.items;
  }
  const locale = (supportedLocales as readonly string[]).includes(job.locale)
    ? (job.locale as SupportedLocale)
    : 'en';
  const written = await writeAuditTrailPdf(output, entries(), {
    locale,
    organizationName: (await kit.options.organizationName?.(job.org_id)) || job.org_id,
    printedBy: job.requested_by_name,
    printedAt: kit.now(),
    filters,
    onProgress: (done) => (done % MAX_PAGE_SIZE === 0 ? onProgress(done) : undefined),
  });
  return written.entries;
}
