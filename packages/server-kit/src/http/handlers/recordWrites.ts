import {
  createBodySchema,
  type LinkInput,
  type RecordBase,
  type RelatedCount,
  type SignatureInput,
} from '@masetra/core';
import { appendAuditEntry } from '../../audit-trail/appendAuditEntry';
import { createRecord } from '../../services/createRecord';
import { addLink, resolveLink } from '../../services/recordLinks';
import { applyFollowUps } from '../../services/systemTransitions';
import { acceptTransition, applyTransition, type TransitionInput } from '../../services/transitionRecord';
import { updateRecord } from '../../services/updateRecord';
import { assertActiveUserReferences } from '../../services/userReferences';
import { countRelated } from '../../storage/records';
import { authorize } from '../authorize';
import { assertCurrent, expectedVersion } from '../ifMatch';
import { type RequestContext, recordTypeOf } from '../KitContext';
import { parseBody } from '../parseInput';
import { problems } from '../problems';
import { readJsonBody } from '../readJsonBody';
import { etagOf } from '../responses';
import { runWrite } from '../runWrite';
import { loadRecord } from './recordReads';

/**
 * Where the new record lives, relative to the collection's URL as the client sent it
 * (RFC 9110 §10.2.2): right behind any mount prefix, which an adapter may have cut from the
 * path the kit sees (Express's `app.use('/api/v1', ...)`).
 */
function locationOf(collectionUrl: URL, id: string): string {
  const path = collectionUrl.pathname;
  return path.endsWith('/') ? id : `${path.slice(path.lastIndexOf('/') + 1)}/${id}`;
}

export async function createRecordHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  authorize(context, recordType, 'create');
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const { links = [], ...fields } = parseBody(createBodySchema(recordType), value) as Record<
    string,
    unknown
  > & {
    links?: LinkInput[];
  };
  const parentType = recordType.parent ? context.kit.registry.byName(recordType.parent.type) : undefined;
  await assertActiveUserReferences(context.kit.options, { principal: context.principal, recordType, fields });
  return runWrite(context, text, async (trx) => {
    const now = context.kit.now();
    const { record, event } = await createRecord(
      trx,
      { principal: context.principal, recordType, fields, source: context.source, now },
      parentType,
    );
    // The record and its links commit together: a link that is refused leaves no record.
    const events = [event];
    const self = { recordType, record };
    const linkContext = {
      registry: context.kit.registry,
      principal: context.principal,
      source: context.source,
    };
    for (const [index, link] of links.entries()) {
      const resolved = await resolveLink(trx, linkContext, self, link, `/links/${index}`);
      const added = await addLink(trx, { ...linkContext, at: now.toISOString() }, resolved, self);
      events.push(...added.events);
    }
    return {
      status: 201,
      headers: { etag: etagOf(record.version), location: locationOf(context.url, record.id) },
      body: record,
      events,
    };
  });
}

export async function updateRecordHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  const expected = expectedVersion(context.request);
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const body = parseBody(context.route.body ?? recordType.updateInput, value) as {
    changes: Record<string, unknown>;
    reason?: string;
  };
  const current = await loadRecord(context);
  authorize(context, recordType, 'update');
  assertCurrent(expected, current.version);
  await assertActiveUserReferences(context.kit.options, {
    principal: context.principal,
    recordType,
    fields: body.changes,
    before: current,
    pointerPrefix: '/changes',
  });
  return runWrite(context, text, async (trx) => {
    const { record, event } = await updateRecord(trx, {
      principal: context.principal,
      recordType,
      current,
      expectedVersion: expected,
      changes: body.changes,
      reason: body.reason,
      source: context.source,
      now: context.kit.now(),
    });
    return {
      status: 200,
      headers: { etag: etagOf(record.version) },
      body: record,
      events: event ? [event] : [],
    };
  });
}

async function relatedCounts(
  context: RequestContext,
  record: RecordBase,
): Promise<Record<string, RelatedCount>> {
  const links = recordTypeOf(context).related ?? [];
  const counts: Record<string, RelatedCount> = {};
  for (const link of links) {
    const childType = context.kit.registry.byName(link.type);
    if (!childType) continue;
    counts[link.type] = await countRelated(
      context.kit.storage.db,
      childType,
      context.principal.orgId,
      record.id,
      childType.finalStates,
    );
  }
  return counts;
}

/** A failed signing leaves no change, only its own audit entry (who tried, when, for what). */
async function auditFailedSignature(context: RequestContext, input: TransitionInput, code: string) {
  await context.kit.storage.db.transaction().execute((trx) =>
    appendAuditEntry(trx, {
      orgId: context.principal.orgId,
      at: context.kit.now().toISOString(),
      actorId: context.principal.userId,
      actorName: context.principal.displayName,
      action: 'signature_failed',
      recordType: input.recordType.name,
      recordId: input.current.id,
      recordNumber: input.current.number,
      changes: [
        {
          field: 'signature',
          old: null,
          new: { event: input.event, meaning: input.signature?.meaning, code },
        },
      ],
      reason: null,
      source: context.source,
      stateFrom: input.current.state,
      stateTo: null,
    }),
  );
}

export async function transitionHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  const expected = expectedVersion(context.request);
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const body = parseBody(context.route.body ?? recordType.updateInput, value) as {
    event: string;
    reason?: string;
    signature?: SignatureInput;
    data?: Record<string, unknown>;
  };
  const current = await loadRecord(context);
  authorize(context, recordType, { event: body.event });
  assertCurrent(expected, current.version);
  const input: TransitionInput = {
    principal: context.principal,
    recordType,
    current,
    expectedVersion: expected,
    event: body.event,
    reason: body.reason,
    signature: body.signature,
    data: body.data,
    related: await relatedCounts(context, current),
    source: context.source,
    now: context.kit.now(),
  };
  const outcome = acceptTransition(input);
  let signerName = context.principal.displayName;
  if (outcome.meta.signature && body.signature) {
    const verdict = await context.kit.options.verifySigner({
      userId: context.principal.userId,
      sessionId: context.principal.sessionId,
      username: body.signature.username,
      password: body.signature.password,
      otp: body.signature.otp,
      meaning: body.signature.meaning,
    });
    if (!verdict.ok) {
      await auditFailedSignature(context, input, verdict.code);
      throw problems.signatureRejected(
        verdict.detail ?? 'The signing credentials were not accepted.',
        verdict.code,
      );
    }
    signerName = verdict.printedName ?? signerName;
  }
  return runWrite(context, text, async (trx) => {
    const { record, events } = await applyTransition(trx, input, outcome, signerName);
    events.push(...(await applyFollowUps(trx, recordType, record, outcome.from, outcome.to, input.now)));
    return { status: 200, headers: { etag: etagOf(record.version) }, body: record, events };
  });
}
