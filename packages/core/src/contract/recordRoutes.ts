import * as z from 'zod/mini';
import { attachmentSchema } from '../entities/attachment';
import { auditTrailEntrySchema } from '../entities/auditTrailEntry';
import { commentInputSchema, commentSchema } from '../entities/comment';
import { signatureInputSchema, signatureSchema } from '../entities/signature';
import { signatureVerificationSchema } from '../entities/signatureVerification';
import { linkInputSchema, linkRemovalSchema, recordLinkSchema } from '../links/linkSchemas';
import type { RecordType } from '../record-type/defineRecordType';
import { defineRoute } from './defineRoute';
import { listQuerySchema, pageOf, pageQuerySchema } from './listQuery';
import { traceRoutes } from './traceRoutes';

const idParams = z.strictObject({ id: z.uuid() });
const attachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const signatureParams = z.strictObject({ id: z.uuid(), signatureId: z.uuid() });
const linkParams = z.strictObject({ id: z.uuid(), linkId: z.uuid() });
const reason = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)));

/**
 * The query of `GET /{collection}/{id}`: `asOf` reads the record as it stood at that moment,
 * rebuilt from its audit trail (PART11 item 4).
 */
export const recordReadQuerySchema = z.strictObject({
  asOf: z.optional(z.iso.datetime({ offset: true })),
});

/**
 * The body of `POST /{collection}`: the type's create input, and optionally links to existing
 * records made in the same transaction (a CAPA `from` the deviation it addresses), so that a
 * retry never leaves a record without its link.
 */
export function createBodySchema<T extends RecordType>(recordType: T) {
  // `defineRecordType` always builds `createInput` as a strict object.
  return z.extend(recordType.createInput as z.ZodMiniObject, {
    links: z.optional(z.array(linkInputSchema).check(z.minLength(1), z.maxLength(10))),
  });
}

/** The body of `PATCH /{collection}/{id}`: the changed fields, and why once past draft. */
export function updateBodySchema<T extends RecordType>(recordType: T) {
  return z.strictObject({ changes: recordType.updateInput, reason });
}

/** The body of `POST /{collection}/{id}/transitions`. */
export function transitionBodySchema<T extends RecordType>(recordType: T) {
  return z.strictObject({
    event: z.enum(recordType.events as [string, ...string[]]),
    reason,
    signature: z.optional(signatureInputSchema),
    /**
     * What a move carries besides a reason (a CAPA extension request's new due date); its shape
     * is the one the move's transition meta declares, checked by core's `evaluateTransition`.
     */
    data: z.optional(z.record(z.string(), z.unknown())),
  });
}

/**
 * Every route of one record type's collection, as DESIGN's HTTP surface lists them.
 * Built from the record type, so a host's own type gets the same API.
 */
export function recordRoutes<T extends RecordType>(recordType: T) {
  const base = `/${recordType.collection}`;
  const tags = [recordType.collection];
  const record = recordType.schema;
  const common = { recordType: recordType.name, tags } as const;
  return {
    list: defineRoute({
      ...common,
      id: `${recordType.collection}.list`,
      kind: 'list',
      method: 'GET',
      path: base,
      summary: `List ${recordType.collection}`,
      query: listQuerySchema(recordType),
      response: pageOf(record),
      successStatus: 200,
      problems: [400, 401],
    }),
    create: defineRoute({
      ...common,
      id: `${recordType.collection}.create`,
      kind: 'create',
      method: 'POST',
      path: base,
      summary: `Create a draft ${recordType.name}`,
      body: createBodySchema(recordType),
      response: record,
      successStatus: 201,
      idempotent: true,
      problems: [400, 401, 403, 413, 415, 422],
    }),
    get: defineRoute({
      ...common,
      id: `${recordType.collection}.get`,
      kind: 'get',
      method: 'GET',
      path: `${base}/{id}`,
      summary: `Get one ${recordType.name}; with \`asOf\`, as it stood then, rebuilt from its audit trail (no ETag)`,
      params: idParams,
      query: recordReadQuerySchema,
      response: record,
      successStatus: 200,
      problems: [400, 401, 404],
    }),
    update: defineRoute({
      ...common,
      id: `${recordType.collection}.update`,
      kind: 'update',
      method: 'PATCH',
      path: `${base}/{id}`,
      summary: `Change fields of a ${recordType.name}`,
      params: idParams,
      body: updateBodySchema(recordType),
      response: record,
      successStatus: 200,
      requiresIfMatch: true,
      problems: [400, 401, 403, 404, 409, 412, 413, 415, 422, 428],
    }),
    transition: defineRoute({
      ...common,
      id: `${recordType.collection}.transition`,
      kind: 'transition',
      method: 'POST',
      path: `${base}/{id}/transitions`,
      summary: `Move a ${recordType.name} through its lifecycle`,
      params: idParams,
      body: transitionBodySchema(recordType),
      response: record,
      successStatus: 200,
      requiresIfMatch: true,
      problems: [400, 401, 403, 404, 409, 412, 413, 415, 422, 428],
    }),
    auditTrail: defineRoute({
      ...common,
      id: `${recordType.collection}.auditTrail`,
      kind: 'recordAuditTrail',
      method: 'GET',
      path: `${base}/{id}/audit-trail`,
      summary: `The ${recordType.name}'s audit trail, oldest first`,
      params: idParams,
      query: pageQuerySchema,
      response: pageOf(auditTrailEntrySchema),
      successStatus: 200,
      problems: [400, 401, 404],
    }),
    signatures: defineRoute({
      ...common,
      id: `${recordType.collection}.signatures`,
      kind: 'signatures',
      method: 'GET',
      path: `${base}/{id}/signatures`,
      summary: `The ${recordType.name}'s electronic signatures, with manifestation`,
      params: idParams,
      response: z.object({ items: z.array(signatureSchema) }),
      successStatus: 200,
      problems: [401, 404],
    }),
    verifySignature: defineRoute({
      ...common,
      id: `${recordType.collection}.verifySignature`,
      kind: 'verifySignature',
      method: 'GET',
      path: `${base}/{id}/signatures/{signatureId}/verify`,
      summary: `Recompute the content hash of the ${recordType.name} version a signature signed, and say whether the signature still binds to it`,
      params: signatureParams,
      response: signatureVerificationSchema,
      successStatus: 200,
      problems: [401, 404],
    }),
    listAttachments: defineRoute({
      ...common,
      id: `${recordType.collection}.listAttachments`,
      kind: 'listAttachments',
      method: 'GET',
      path: `${base}/{id}/attachments`,
      summary: `The ${recordType.name}'s attachments`,
      params: idParams,
      response: z.object({ items: z.array(attachmentSchema) }),
      successStatus: 200,
      problems: [401, 404],
    }),
    uploadAttachment: defineRoute({
      ...common,
      id: `${recordType.collection}.uploadAttachment`,
      kind: 'uploadAttachment',
      method: 'POST',
      path: `${base}/{id}/attachments`,
      summary: `Attach a file (raw body; name in the X-File-Name header)`,
      params: idParams,
      bodyKind: 'binary',
      response: attachmentSchema,
      successStatus: 201,
      idempotent: true,
      problems: [400, 401, 403, 404, 413, 415],
    }),
    downloadAttachment: defineRoute({
      ...common,
      id: `${recordType.collection}.downloadAttachment`,
      kind: 'downloadAttachment',
      method: 'GET',
      path: `${base}/{id}/attachments/{attachmentId}`,
      summary: 'Download an attachment',
      params: attachmentParams,
      response: z.unknown(),
      responseKind: 'binary',
      successStatus: 200,
      problems: [401, 404],
    }),
    listComments: defineRoute({
      ...common,
      id: `${recordType.collection}.listComments`,
      kind: 'listComments',
      method: 'GET',
      path: `${base}/{id}/comments`,
      summary: `The ${recordType.name}'s discussion`,
      params: idParams,
      query: pageQuerySchema,
      response: pageOf(commentSchema),
      successStatus: 200,
      problems: [400, 401, 404],
    }),
    createComment: defineRoute({
      ...common,
      id: `${recordType.collection}.createComment`,
      kind: 'createComment',
      method: 'POST',
      path: `${base}/{id}/comments`,
      summary: `Comment on a ${recordType.name}`,
      params: idParams,
      body: commentInputSchema,
      response: commentSchema,
      successStatus: 201,
      idempotent: true,
      problems: [400, 401, 403, 404, 413, 415, 422],
    }),
    listLinks: defineRoute({
      ...common,
      id: `${recordType.collection}.listLinks`,
      kind: 'listLinks',
      method: 'GET',
      path: `${base}/{id}/links`,
      summary: `The ${recordType.name}'s links to and from other records and host objects`,
      params: idParams,
      response: z.object({ items: z.array(recordLinkSchema) }),
      successStatus: 200,
      problems: [401, 404],
    }),
    addLink: defineRoute({
      ...common,
      id: `${recordType.collection}.addLink`,
      kind: 'addLink',
      method: 'POST',
      path: `${base}/{id}/links`,
      summary: `Link the ${recordType.name} to another record or a host object (the same link again answers 200 with it)`,
      params: idParams,
      body: linkInputSchema,
      response: recordLinkSchema,
      successStatus: 201,
      idempotent: true,
      problems: [400, 401, 403, 404, 413, 415, 422],
    }),
    removeLink: defineRoute({
      ...common,
      id: `${recordType.collection}.removeLink`,
      kind: 'removeLink',
      method: 'DELETE',
      path: `${base}/{id}/links/{linkId}`,
      summary: `Remove a link of the ${recordType.name}, with a reason`,
      params: linkParams,
      body: linkRemovalSchema,
      response: recordLinkSchema,
      successStatus: 200,
      idempotent: true,
      problems: [400, 401, 403, 404, 409, 413, 415, 422],
    }),
    ...traceRoutes(recordType),
  };
}

export type RecordRoutes<T extends RecordType> = ReturnType<typeof recordRoutes<T>>;
