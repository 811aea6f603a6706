// Audit-trail entries with structured changes, in the shapes server-kit records them: CAPA tasks,
// a signature and a failed one, host links with an investigation, an attachment. The stories show
// them; the tests read them.
import type { AuditTrailEntry } from '@masetra/core';
import { fixtureUsers } from '@masetra/fixtures';

const { dana, ines } = fixtureUsers;
let seq = 0;

export function entry(
  fields: Pick<AuditTrailEntry, 'action' | 'recordType' | 'changes'> & Partial<AuditTrailEntry>,
) {
  seq += 1;
  return {
    id: `entry-${seq}`,
    orgId: 'org-acme',
    seq,
    at: '2026-03-10T14:03:00.000Z',
    actorId: dana.id,
    actorName: dana.displayName,
    recordId: `record-${seq}`,
    recordNumber: null,
    reason: null,
    source: null,
    stateFrom: null,
    stateTo: null,
    previousHash: '0'.repeat(64),
    hash: String(seq).padStart(64, '0'),
    ...fields,
  } satisfies AuditTrailEntry;
}

export const task = (id: string, title: string, done: boolean, extra: Record<string, unknown> = {}) => ({
  id,
  title,
  ownerId: ines.id,
  dueAt: '2026-03-20T16:00:00.000Z',
  done,
  ...extra,
});

export const tasksChanged = entry({
  action: 'update',
  recordType: 'capa',
  reason: 'Training module released.',
  changes: [
    {
      field: 'tasks',
      old: [task('task-1', 'Update training module', false), task('task-2', 'Train shift A', false)],
      new: [
        task('task-1', 'Update training module', true, { doneAt: '2026-03-18T09:30:00.000Z' }),
        task('task-2', 'Train shift A', false),
      ],
    },
  ],
});

export const signed = entry({
  action: 'signature',
  recordType: 'capa',
  changes: [
    {
      field: 'signature',
      old: null,
      new: {
        signatureId: '01a22827-1eaa-72d7-9972-e7ff157ef432',
        signerName: dana.displayName,
        meaning: 'approval',
        recordVersion: 3,
        contentHash: 'b48c61d7c92f2c71505aead0ace72607bcf563e4f24e4cff80f6756a343f4853',
      },
    },
  ],
});

export const signingFailed = entry({
  action: 'signature_failed',
  recordType: 'deviation',
  changes: [
    {
      field: 'signature',
      old: null,
      new: { event: 'APPROVE', meaning: 'approval', code: 'invalid_credentials' },
    },
  ],
});

export const investigated = entry({
  action: 'update',
  recordType: 'deviation',
  changes: [
    {
      field: 'hostRefs',
      old: [],
      new: [{ system: 'LIMS', kind: 'batch', id: 'B-2026-0142', label: 'Batch 0142' }],
    },
    {
      field: 'investigation',
      old: null,
      new: {
        fiveWhys: [{ why: 'Why did the room warm up?', because: 'The door stayed open.' }],
        fishbone: [{ category: 'machine', cause: 'Door sensor worn', isRootCause: true }],
      },
    },
  ],
});

export const attached = entry({
  action: 'attachment',
  recordType: 'deviation',
  changes: [
    {
      field: 'attachments',
      old: null,
      new: { id: 'file-1', fileName: 'logger-cr2.pdf', sha256: 'ab'.repeat(32), sizeBytes: 254_000 },
    },
  ],
});

/** Every kind of structured change, oldest first. */
export const structuredEntries: AuditTrailEntry[] = [
  tasksChanged,
  signed,
  signingFailed,
  investigated,
  attached,
];
