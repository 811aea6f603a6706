import * as z from 'zod/mini';
import { controlledDocument } from '../document';
import { documentNumberPrefixPattern } from '../document/kinds';
import { documentKinds } from '../document/schema';
import { defineRoute } from './defineRoute';

const idParams = z.strictObject({ id: z.uuid() });
const reason = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)));
const tags = ['documents'] as const;
const common = { recordType: controlledDocument.name, tags } as const;

/** One document kind's number prefix in an organization: the default until an administrator sets one. */
export const documentKindSettingSchema = z.object({
  kind: z.enum(documentKinds),
  prefix: z.string(),
  /** Whether the organization set it (false: the default). */
  custom: z.boolean(),
  updatedBy: z.nullable(z.string()),
  updatedAt: z.nullable(z.iso.datetime({ offset: true })),
});
export type DocumentKindSetting = z.infer<typeof documentKindSettingSchema>;

/** The body of `PUT /document-kinds/{kind}`: the new prefix, and why it changes. */
export const documentKindPrefixInputSchema = z.strictObject({
  prefix: z.string().check(
    z.regex(documentNumberPrefixPattern, {
      error: 'A prefix is 1-10 upper-case letters and digits, starting with a letter.',
    }),
  ),
  reason,
});

/** `purpose=print` stamps who printed the copy and when, and writes an audit entry. */
export const controlledCopyQuerySchema = z.strictObject({
  purpose: z.optional(z.enum(['view', 'print'])),
});

/** The body of `POST /documents/{id}/revisions`: why the effective version is revised. */
export const documentRevisionInputSchema = z.strictObject({ reason });

/**
 * Document control beyond the record routes every collection has: the content file of a
 * version, its controlled copy and signature page, its versions, revisions, and the number
 * prefix of each kind. Served when the registry has the built-in `document` type.
 */
export const documentRoutes = {
  uploadDocumentContent: defineRoute({
    ...common,
    id: 'documents.uploadContent',
    kind: 'uploadDocumentContent',
    method: 'PUT',
    path: '/documents/{id}/content',
    summary:
      "Set the draft version's content file (raw body: PDF, DOCX or XLSX; name in X-File-Name; If-Match honoured when sent); 409 once the version left draft",
    params: idParams,
    bodyKind: 'binary',
    response: controlledDocument.schema,
    successStatus: 200,
    idempotent: true,
    problems: [400, 401, 403, 404, 409, 412, 413, 415],
  }),
  downloadDocumentContent: defineRoute({
    ...common,
    id: 'documents.downloadContent',
    kind: 'downloadDocumentContent',
    method: 'GET',
    path: '/documents/{id}/content',
    summary:
      "The version's content file, unchanged (effective versions: any reader; others: document workers)",
    params: idParams,
    response: z.unknown(),
    responseKind: 'binary',
    successStatus: 200,
    problems: [401, 403, 404, 409],
  }),
  documentControlledCopy: defineRoute({
    ...common,
    id: 'documents.controlledCopy',
    kind: 'documentControlledCopy',
    method: 'GET',
    path: '/documents/{id}/controlled-copy',
    summary:
      'A PDF content file stamped on every page, with the signature page appended; `purpose=print` names who printed it and when',
    params: idParams,
    query: controlledCopyQuerySchema,
    response: z.unknown(),
    responseKind: 'binary',
    successStatus: 200,
    problems: [400, 401, 403, 404, 409, 415],
  }),
  documentSignaturePage: defineRoute({
    ...common,
    id: 'documents.signaturePage',
    kind: 'documentSignaturePage',
    method: 'GET',
    path: '/documents/{id}/signature-page',
    summary: "The version's review and approval signatures (printed name, UTC time, meaning) as a PDF page",
    params: idParams,
    response: z.unknown(),
    responseKind: 'binary',
    successStatus: 200,
    problems: [401, 403, 404],
  }),
  documentVersions: defineRoute({
    ...common,
    id: 'documents.versions',
    kind: 'documentVersions',
    method: 'GET',
    path: '/documents/{id}/versions',
    summary: "Every version of the document's number, oldest first",
    params: idParams,
    response: z.object({ items: z.array(controlledDocument.schema) }),
    successStatus: 200,
    problems: [401, 404],
  }),
  reviseDocument: defineRoute({
    ...common,
    id: 'documents.revise',
    kind: 'reviseDocument',
    method: 'POST',
    path: '/documents/{id}/revisions',
    summary:
      'Start a revision of an effective version: a new draft with the same number and the next minor version (409 while one is in work)',
    params: idParams,
    body: documentRevisionInputSchema,
    response: controlledDocument.schema,
    successStatus: 201,
    idempotent: true,
    problems: [400, 401, 403, 404, 409, 413, 415],
  }),
  documentKinds: defineRoute({
    id: 'documentKinds.list',
    kind: 'documentKinds',
    method: 'GET',
    path: '/document-kinds',
    summary: "Each document kind and the organization's number prefix for it",
    tags,
    response: z.object({ items: z.array(documentKindSettingSchema) }),
    successStatus: 200,
    problems: [401],
  }),
  setDocumentKindPrefix: defineRoute({
    id: 'documentKinds.setPrefix',
    kind: 'setDocumentKindPrefix',
    method: 'PUT',
    path: '/document-kinds/{kind}',
    summary: "Set a kind's number prefix (administrators; audited). Numbers already given keep theirs",
    tags,
    params: z.strictObject({ kind: z.enum(documentKinds) }),
    body: documentKindPrefixInputSchema,
    response: documentKindSettingSchema,
    successStatus: 200,
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  }),
};
