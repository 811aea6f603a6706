import * as z from 'zod/mini';
import { auditChainVerificationSchema, auditTrailEntrySchema } from '../entities/auditTrailEntry';
import { notificationSchema } from '../entities/user';
import { defineRoute } from './defineRoute';
import { pageOf, pageQuerySchema } from './listQuery';

/** Filters of the organization-wide audit trail, for periodic review (PART11 8). */
export const auditTrailQuerySchema = z.strictObject({
  recordType: z.optional(z.string().check(z.maxLength(64))),
  recordId: z.optional(z.uuid()),
  actorId: z.optional(z.string().check(z.maxLength(200))),
  action: z.optional(z.string().check(z.maxLength(64))),
  from: z.optional(z.iso.datetime()),
  to: z.optional(z.iso.datetime()),
  ...pageQuerySchema.shape,
});

/** Routes the server kit serves besides the record collections. */
export const kitRoutes = {
  auditTrail: defineRoute({
    id: 'auditTrail.list',
    kind: 'auditTrail',
    method: 'GET',
    path: '/audit-trail',
    summary: 'The audit trail of the organization, oldest first, filtered by record, actor, action and time',
    tags: ['audit-trail'],
    query: auditTrailQuerySchema,
    response: pageOf(auditTrailEntrySchema),
    successStatus: 200,
    problems: [400, 401, 403],
  }),
  auditTrailExport: defineRoute({
    id: 'auditTrail.export',
    kind: 'auditTrailExport',
    method: 'GET',
    path: '/audit-trail/export.csv',
    summary: 'The filtered audit trail as CSV, an electronic copy for inspection (21 CFR 11.10(b))',
    tags: ['audit-trail'],
    query: auditTrailQuerySchema,
    response: z.string(),
    responseKind: 'text',
    successStatus: 200,
    problems: [400, 401, 403],
  }),
  verifyAuditTrail: defineRoute({
    id: 'auditTrail.verify',
    kind: 'verifyAuditTrail',
    method: 'GET',
    path: '/audit-trail/verify',
    summary: "Recompute the organization's hash chain and name the first broken entry",
    tags: ['audit-trail'],
    response: auditChainVerificationSchema,
    successStatus: 200,
    problems: [401, 403],
  }),
  notifications: defineRoute({
    id: 'notifications.list',
    kind: 'notifications',
    method: 'GET',
    path: '/notifications',
    summary: "The caller's notifications, newest first",
    tags: ['notifications'],
    query: pageQuerySchema,
    response: pageOf(notificationSchema),
    successStatus: 200,
    problems: [400, 401],
  }),
  readNotification: defineRoute({
    id: 'notifications.read',
    kind: 'readNotification',
    method: 'POST',
    path: '/notifications/{id}/read',
    summary: 'Mark a notification read',
    tags: ['notifications'],
    params: z.strictObject({ id: z.uuid() }),
    response: notificationSchema,
    successStatus: 200,
    problems: [401, 404],
  }),
  openapi: defineRoute({
    id: 'openapi',
    kind: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    tags: ['meta'],
    public: true,
    response: z.record(z.string(), z.unknown()),
    successStatus: 200,
    problems: [],
  }),
};
