import {
  type ControlledDocument,
  documentRevisionInputSchema,
  nextMinorVersion,
  versionLabelOf,
} from '@masetra/core';
import { authorize } from '../http/authorize';
import type { RequestContext } from '../http/KitContext';
import { ProblemError } from '../http/ProblemError';
import { parseBody } from '../http/parseInput';
import { problems } from '../http/problems';
import { readJsonBody } from '../http/readJsonBody';
import { etagOf, jsonResponse } from '../http/responses';
import { runWrite } from '../http/runWrite';
import { recordAuditedChange } from '../services/auditedChange';
import { createRecord } from '../services/createRecord';
import { findRecord } from '../storage/records';
import { loadDocument } from './documentAccess';
import { versionsOf } from './documentVersions';

/** `GET /documents/{id}/versions`: every version of the document's number, oldest first. */
export async function documentVersionsHandler(context: RequestContext): Promise<Response> {
  const { recordType, document } = await loadDocument(context);
  const items = await versionsOf(
    context.kit.storage.db,
    recordType,
    context.principal.orgId,
    document.number,
  );
  return jsonResponse({ items });
}

function revisionInWork(number: string, version?: ControlledDocument) {
  return problems.conflict(
    version
      ? `${number} v${versionLabelOf(version)} is already in work (${version.state}): finish or retire it before starting another revision.`
      : `A revision of ${number} is already in work.`,
  );
}

/** PostgreSQL's unique violation: the one-version-in-work index refused a second revision started at once. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
  return code === '23505' || (error as { cause?: { code?: unknown } } | null)?.cause?.code === '23505';
}

/**
 * `POST /documents/{id}/revisions`: a new draft version of an effective document, with the same
 * number, the next minor version label and `supersedesId` naming the effective one. It copies
 * the title, kind, summary and review interval; not the content file and not the signatures:
 * the new version is written, reviewed and approved afresh. One revision in work at a time.
 */
export async function reviseDocumentHandler(context: RequestContext): Promise<Response> {
  const { recordType, document } = await loadDocument(context);
  authorize(context, recordType, 'create');
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const { reason } = parseBody(documentRevisionInputSchema, value);
  try {
    return await runWrite(context, text, async (trx) => {
      const current = (await findRecord(
        trx,
        recordType,
        context.principal.orgId,
        document.id,
      )) as ControlledDocument | null;
      if (!current) throw problems.notFound(`No ${recordType.name} with that id.`);
      if (current.state !== 'effective') {
        throw problems.conflict(
          `${current.number} v${versionLabelOf(current)} is ${current.state}: only the effective version is revised.`,
        );
      }
      const [inWork] = await versionsOf(trx, recordType, current.orgId, current.number, { inWorkOnly: true });
      if (inWork) throw revisionInWork(current.number, inWork);
      const { record, event } = await createRecord(trx, {
        principal: context.principal,
        recordType,
        number: current.number,
        fields: {
          title: current.title,
          documentKind: current.documentKind ?? 'other',
          ...(current.summary ? { summary: current.summary } : {}),
          ...(current.reviewIntervalMonths ? { reviewIntervalMonths: current.reviewIntervalMonths } : {}),
          versionLabel: nextMinorVersion(versionLabelOf(current)),
          supersedesId: current.id,
        },
        source: context.source,
        now: context.kit.now(),
      });
      // The effective version's own trail says a revision of it was started, by whom and why.
      const started = await recordAuditedChange(trx, {
        principal: context.principal,
        recordType,
        record: current,
        action: 'revise',
        eventVerb: 'revision_started',
        changes: [],
        reason: reason ?? null,
        source: context.source,
        at: record.createdAt,
        data: { revisionId: record.id, versionLabel: (record as ControlledDocument).versionLabel },
      });
      return {
        status: 201,
        headers: {
          etag: etagOf(record.version),
          location: `${context.url.pathname.replace(/\/[^/]+\/revisions\/?$/, '')}/${record.id}`,
        },
        body: record,
        events: [event, started],
      };
    });
  } catch (error) {
    if (!(error instanceof ProblemError) && isUniqueViolation(error)) throw revisionInWork(document.number);
    throw error;
  }
}
