import { type ControlledDocument, can, type RecordType } from '@masetra/core';
import { loadRecord } from '../http/handlers/recordReads';
import { type RequestContext, recordTypeOf } from '../http/KitContext';
import { problems } from '../http/problems';

/** The document version a route names, as the caller's organization holds it (404 otherwise). */
export async function loadDocument(
  context: RequestContext,
): Promise<{ recordType: RecordType; document: ControlledDocument }> {
  const recordType = recordTypeOf(context);
  const document = (await loadRecord(context)) as ControlledDocument;
  return { recordType, document };
}

/**
 * Whether the caller may read this version's controlled content: the effective version is for
 * every reader; any other (a draft, one under review, a superseded one) only for the roles the
 * permission matrix lets change documents, the people who work on them.
 */
export function assertMayReadContent(
  context: RequestContext,
  recordType: RecordType,
  document: ControlledDocument,
): void {
  if (document.state === 'effective') return;
  if (!can(context.principal, recordType, 'update')) {
    throw problems.forbidden(
      `${document.number} v${document.versionLabel ?? '0.1'} is ${document.state}: only the effective version is open to every reader.`,
    );
  }
}
