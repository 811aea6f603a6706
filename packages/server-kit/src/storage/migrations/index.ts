import type { Migration } from 'kysely/migration';
import * as foundation from './0001_foundation';
import * as appendOnlyFiles from './0002_append_only_files';
import * as outboxRetention from './0003_outbox_retention';
import * as auditVerifications from './0004_audit_verifications';
import * as signatureAttachments from './0005_signature_attachments';
import * as recordLinks from './0006_record_links';
import * as documentControl from './0007_document_control';
import * as training from './0008_training';
import * as reports from './0009_reports';
import * as exportJobs from './0010_export_jobs';
import * as outboxDeadLetter from './0011_outbox_dead_letter';
import * as webhooks from './0012_webhooks';
import * as importJobs from './0013_import_jobs';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_append_only_files': appendOnlyFiles,
  '0003_outbox_retention': outboxRetention,
  '0004_audit_verifications': auditVerifications,
  '0005_signature_attachments': signatureAttachments,
  '0006_record_links': recordLinks,
  '0007_document_control': documentControl,
  '0008_training': training,
  '0009_reports': reports,
  '0010_export_jobs': exportJobs,
  '0011_outbox_dead_letter': outboxDeadLetter,
  '0012_webhooks': webhooks,
  '0013_import_jobs': importJobs,
};
