import * as z from 'zod/mini';
import { nonEmptyText, type RecordBase } from '../record-type/recordBase';

export const auditKinds = ['internal', 'supplier'] as const;

export const auditFields = {
  title: nonEmptyText(200),
  auditKind: z.optional(z.enum(auditKinds)),
  /** Processes, sites and requirements the audit covers. */
  scope: z.optional(z.string().check(z.maxLength(20_000))),
  /** The audited department or process of an internal audit. */
  auditee: z.optional(z.string().check(z.maxLength(200))),
  supplierName: z.optional(z.string().check(z.maxLength(200))),
  leadAuditorId: z.optional(z.string().check(z.maxLength(200))),
  plannedStart: z.optional(z.iso.date()),
  plannedEnd: z.optional(z.iso.date()),
  summary: z.optional(z.string().check(z.maxLength(2000))),
  report: z.optional(z.string().check(z.maxLength(200_000))),
};

const planned = {
  title: nonEmptyText(200),
  auditKind: z.enum(auditKinds),
  scope: nonEmptyText(20_000),
  auditee: z.optional(z.string()),
  supplierName: z.optional(z.string()),
  leadAuditorId: nonEmptyText(200),
  plannedStart: z.iso.date(),
  plannedEnd: z.iso.date(),
};

type PlannedAudit = Partial<Record<keyof typeof planned, string>>;

/** An audit is of someone (a department, or a supplier) and ends no earlier than it starts. */
const plannedAuditChecks = () => [
  z.refine<PlannedAudit>((audit) => audit.auditKind !== 'internal' || !!audit.auditee?.trim(), {
    message: 'Name the audited department or process.',
    path: ['auditee'],
  }),
  z.refine<PlannedAudit>((audit) => audit.auditKind !== 'supplier' || !!audit.supplierName?.trim(), {
    message: 'Name the audited supplier.',
    path: ['supplierName'],
  }),
  z.refine<PlannedAudit>(
    (audit) => !audit.plannedStart || !audit.plannedEnd || audit.plannedStart <= audit.plannedEnd,
    {
      message: 'The audit cannot end before it starts.',
      path: ['plannedEnd'],
    },
  ),
];

const reported = { ...planned, summary: nonEmptyText(2000), report: nonEmptyText(200_000) };

/** What each state requires of an audit on entry. */
export const auditRequiredFields = {
  in_progress: z.object(planned).check(...plannedAuditChecks()),
  reporting: z.object(planned).check(...plannedAuditChecks()),
  closed: z.object(reported).check(...plannedAuditChecks()),
};

/** An audit as stored and served: the base fields and its own, inferred from the schema. */
export type Audit = RecordBase & z.infer<z.ZodMiniObject<typeof auditFields>>;
