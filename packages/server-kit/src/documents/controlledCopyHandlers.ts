import { type ControlledDocument, controlledCopyQuerySchema, versionLabelOf } from '@masetra/core';
import type { RequestContext } from '../http/KitContext';
import { parseQuery, queryObject } from '../http/parseInput';
import { problems } from '../http/problems';
import { listSignatures } from '../repositories/signatures';
import { recordAuditedChange } from '../services/auditedChange';
import { verifiedContentBytes } from './contentFileBytes';
import {
  type CopyStamp,
  controlledCopyPdf,
  type SignatureLine,
  signaturePagePdf,
  UnreadablePdfError,
} from './controlledCopyPdf';
import { assertMayReadContent, loadDocument } from './documentAccess';
import { fileHeaders } from './downloadContent';

/** The review and approval signatures given on this version, in the order given. */
async function reviewAndApprovalSignatures(
  context: RequestContext,
  document: ControlledDocument,
): Promise<SignatureLine[]> {
  const signatures = await listSignatures(
    context.kit.storage.db,
    context.principal.orgId,
    document.type,
    document.id,
  );
  return signatures
    .filter((signature) => signature.meaning === 'review' || signature.meaning === 'approval')
    .map(({ signerName, signedAt, meaning, event }) => ({ signerName, signedAt, meaning, event }));
}

function stampOf(document: ControlledDocument, print?: CopyStamp['print']): CopyStamp {
  return {
    number: document.number,
    title: document.title,
    versionLabel: versionLabelOf(document),
    ...(document.effectiveDate && ['effective', 'superseded', 'obsolete'].includes(document.state)
      ? { effectiveDate: document.effectiveDate }
      : {}),
    state: document.state,
    ...(print ? { print } : {}),
  };
}

function pdfResponse(bytes: Uint8Array, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: fileHeaders(fileName, 'application/pdf', bytes.byteLength),
  });
}

/**
 * `GET /documents/{id}/controlled-copy`: a PDF content file stamped on every page, with the
 * signature page appended. A print copy names who printed it and when, and is written to the
 * audit trail before it is handed out.
 */
export async function documentControlledCopyHandler(context: RequestContext): Promise<Response> {
  const { purpose = 'view' } = parseQuery(controlledCopyQuerySchema, queryObject(context.url));
  const { recordType, document } = await loadDocument(context);
  assertMayReadContent(context, recordType, document);
  const { file, bytes } = await verifiedContentBytes(context, document);
  if (file.mediaType !== 'application/pdf') {
    throw problems.unsupportedMediaType(
      'a PDF content file; this one downloads unchanged from /content, with its signatures from /signature-page',
    );
  }
  const at = context.kit.now().toISOString();
  const stamp = stampOf(
    document,
    purpose === 'print' ? { by: context.principal.displayName, at } : undefined,
  );
  let copy: Uint8Array;
  try {
    copy = await controlledCopyPdf(bytes, stamp, await reviewAndApprovalSignatures(context, document));
  } catch (error) {
    if (error instanceof UnreadablePdfError) {
      throw problems.unsupportedMediaType('a PDF that can be read to stamp it (not damaged, not encrypted)');
    }
    throw error;
  }
  if (purpose === 'print') {
    // Who holds a paper copy of which version is what a recall of copies needs.
    const event = await context.kit.storage.db.transaction().execute((trx) =>
      recordAuditedChange(trx, {
        principal: context.principal,
        recordType,
        record: document,
        action: 'print',
        eventVerb: 'printed',
        changes: [],
        source: context.source,
        at,
        data: { purpose, versionLabel: stamp.versionLabel, contentSha256: file.sha256 },
      }),
    );
    await context.kit.auditCheckpointer?.checkpoint(context.principal.orgId);
    context.kit.emit([event]);
  }
  return pdfResponse(
    copy,
    `${document.number} v${stamp.versionLabel} ${purpose === 'print' ? 'print' : 'copy'}.pdf`,
  );
}

/** `GET /documents/{id}/signature-page`: the signature page as its own PDF, for any content format. */
export async function documentSignaturePageHandler(context: RequestContext): Promise<Response> {
  const { recordType, document } = await loadDocument(context);
  assertMayReadContent(context, recordType, document);
  const page = await signaturePagePdf(
    stampOf(document),
    await reviewAndApprovalSignatures(context, document),
  );
  return pdfResponse(page, `${document.number} v${versionLabelOf(document)} signatures.pdf`);
}
