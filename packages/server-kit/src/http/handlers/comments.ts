import { commentInputSchema, DEFAULT_PAGE_SIZE, pageQuerySchema } from '@masetra/core';
import { v7 as uuidv7 } from 'uuid';
import { insertComment, listComments } from '../../repositories/comments';
import { recordAuditedChange } from '../../services/auditedChange';
import { authorize } from '../authorize';
import { type RequestContext, recordTypeOf } from '../KitContext';
import { parseBody, parseQuery, queryObject } from '../parseInput';
import { readJsonBody } from '../readJsonBody';
import { jsonResponse } from '../responses';
import { runWrite } from '../runWrite';
import { loadRecord } from './recordReads';

export async function listCommentsHandler(context: RequestContext): Promise<Response> {
  const record = await loadRecord(context);
  const { limit, cursor } = parseQuery(pageQuerySchema, queryObject(context.url));
  const page = await listComments(context.kit.storage.db, context.principal.orgId, record.type, record.id, {
    limit: limit ?? DEFAULT_PAGE_SIZE,
    cursor,
  });
  return jsonResponse(page);
}

export async function createCommentHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  const { value, text } = await readJsonBody(context.request, context.kit.limits.jsonBodyBytes);
  const { body } = parseBody(commentInputSchema, value);
  const record = await loadRecord(context);
  authorize(context, recordType, 'comment');
  return runWrite(context, text, async (trx) => {
    const at = context.kit.now().toISOString();
    const comment = {
      id: uuidv7(),
      recordType: record.type,
      recordId: record.id,
      authorId: context.principal.userId,
      authorName: context.principal.displayName,
      body,
      createdAt: at,
    };
    await insertComment(trx, context.principal.orgId, comment);
    const event = await recordAuditedChange(trx, {
      principal: context.principal,
      recordType,
      record,
      action: 'comment',
      eventVerb: 'commented',
      changes: [{ field: 'comments', old: null, new: { id: comment.id, body } }],
      source: context.source,
      at,
      data: { commentId: comment.id },
    });
    return { status: 201, headers: {}, body: comment, events: [event] };
  });
}
