import { type DocumentKind, documentKindPrefixInputSchema, documentKinds } from '@masetra/core';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { authorizeOrganization } from '../http/authorize';
import type { RequestContext } from '../http/KitContext';
import { parseBody, parseParams } from '../http/parseInput';
import { problems } from '../http/problems';
import { readJsonBody } from '../http/readJsonBody';
import { jsonResponse } from '../http/responses';
import { runWrite } from '../http/runWrite';
import { documentKindPrefixes } from './documentNumbers';
import { withDocumentTables } from './documentTables';

/** The audit trail names a kind's prefix setting as this record type, with the kind as its id. */
export const KIND_PREFIX_TRAIL_TYPE = 'document_kind_prefix';

/** `GET /document-kinds`: each kind and the organization's number prefix for it. */
export async function documentKindsHandler(context: RequestContext): Promise<Response> {
  return jsonResponse({ items: await documentKindPrefixes(context.kit.storage.db, context.principal.orgId) });
}

/**
 * `PUT /document-kinds/{kind}`: an administrator sets a kind's prefix. Numbers already given
 * keep theirs (a document's number never changes); new documents of the kind count on from
 * the new prefix's own counter. Two kinds may not share a prefix: their numbers would mix.
 */
export async function setDocumentKindPrefixHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'administerDocumentKinds');
  const { kind } = parseParams(context.route.params, context.params) as { kind: DocumentKind };
  if (!(documentKinds as readonly string[]).includes(kind)) throw problems.notFound('No such document kind.');
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const { prefix, reason } = parseBody(documentKindPrefixInputSchema, value);
  const { orgId, userId } = context.principal;
  return runWrite(context, text, async (trx) => {
    const before = await documentKindPrefixes(trx, orgId);
    const taken = before.find((entry) => entry.kind !== kind && entry.prefix === prefix);
    if (taken) {
      throw problems.conflict(
        `The prefix ${prefix} is the ${taken.kind} kind's; each kind numbers on its own.`,
      );
    }
    const old = before.find((entry) => entry.kind === kind);
    const at = context.kit.now().toISOString();
    await withDocumentTables(trx)
      .insertInto('document_kind_prefixes')
      .values({ org_id: orgId, kind, prefix, updated_by: userId, updated_at: at })
      .onConflict((conflict) =>
        conflict.columns(['org_id', 'kind']).doUpdateSet({ prefix, updated_by: userId, updated_at: at }),
      )
      .execute();
    if (old?.prefix !== prefix) {
      await appendAuditEntry(trx, {
        orgId,
        at,
        actorId: userId,
        actorName: context.principal.displayName,
        action: 'update',
        recordType: KIND_PREFIX_TRAIL_TYPE,
        recordId: kind,
        recordNumber: null,
        changes: [{ field: 'prefix', old: old?.prefix ?? null, new: prefix }],
        reason: reason ?? null,
        source: context.source,
        stateFrom: null,
        stateTo: null,
      });
    }
    const after = (await documentKindPrefixes(trx, orgId)).find((entry) => entry.kind === kind);
    return { status: 200, headers: {}, body: after, events: [] };
  });
}
