/**
 * For each record type of the test registry (the built-ins and the host's change control): a
 * draft that holds what its first moves need, and those moves, one of them signed. Sweeps over
 * the registry take them from here; a record type without a scenario fails such a sweep.
 */
import { can, type RecordType, type SignatureMeaning } from '@masetra/core';
import { createRecord, describedDeviation } from './recordSteps';
import { type TestKit, type TestUser, testPrincipals } from './startTestKit';

/** One move of a scenario: who takes it, and with which signature meaning when it is signed. */
export interface ScenarioMove {
  by: TestUser;
  event: string;
  sign?: SignatureMeaning;
}

export interface RecordScenario {
  /** The body of a create that leaves the record ready for `moves` (a parent made first where it needs one). */
  draft(kit: TestKit): Promise<Record<string, unknown>>;
  /** Moves from the initial state on, at least one signed, each by someone the matrix and the machine allow. */
  moves: readonly ScenarioMove[];
}

const plannedAudit = {
  title: 'Internal audit: warehouse',
  auditKind: 'internal',
  scope: 'Storage conditions and temperature mapping.',
  auditee: 'Warehouse',
  leadAuditorId: 'aaron',
  plannedStart: '2026-11-01',
  plannedEnd: '2026-11-03',
};

/** A controlled document ready for review; its effective date is far off unless a test names one. */
export function documentDraft(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Cold-room monitoring SOP',
    documentKind: 'sop',
    content: '1. Purpose\n2. Scope\n3. Procedure',
    effectiveDate: '2099-12-31',
    reviewIntervalMonths: 24,
    ...fields,
  };
}

/** The document moves up to `approved`: authored, reviewed and approved by three people. */
export const documentApproval: readonly ScenarioMove[] = [
  { by: 'olivia', event: 'SUBMIT_FOR_REVIEW' },
  { by: 'rita', event: 'COMPLETE_REVIEW', sign: 'review' },
  { by: 'quinn', event: 'APPROVE', sign: 'approval' },
];

export const recordScenarios: Readonly<Record<string, RecordScenario>> = {
  deviation: {
    draft: async () => describedDeviation({ immediateActions: 'Stock moved to cold room 1.' }),
    moves: [
      { by: 'olivia', event: 'SUBMIT' },
      { by: 'quinn', event: 'SUBMIT_ASSESSMENT' },
      { by: 'quinn', event: 'APPROVE', sign: 'approval' },
    ],
  },
  capa: {
    draft: async () => ({
      title: 'Stop cold-room excursions',
      description: 'Door seal wear lets warm air in.',
      kind: 'corrective',
      tasks: [
        {
          id: 't1',
          title: 'Replace door seal',
          ownerId: 'ian',
          dueAt: '2026-12-01T00:00:00.000Z',
          done: false,
        },
      ],
      effectivenessCriteria: 'No excursion over 8 °C for 90 days.',
      dueAt: '2027-03-01T00:00:00.000Z',
    }),
    moves: [
      { by: 'ian', event: 'SUBMIT_PLAN' },
      { by: 'quinn', event: 'APPROVE_PLAN', sign: 'approval' },
    ],
  },
  document: { draft: async () => documentDraft(), moves: documentApproval },
  audit: {
    draft: async () => ({ ...plannedAudit, summary: 'No findings.', report: 'Full report text.' }),
    moves: [
      { by: 'aaron', event: 'START' },
      { by: 'aaron', event: 'COMPLETE_FIELDWORK' },
      { by: 'quinn', event: 'ISSUE_REPORT', sign: 'approval' },
    ],
  },
  finding: {
    draft: async (kit) => ({
      auditId: (await createRecord(kit, 'aaron', 'audits', plannedAudit)).id,
      title: 'Mapping study overdue',
      description: 'Last temperature mapping is 26 months old.',
      classification: 'minor',
      response: 'Mapping booked for December.',
      rationale: 'Scheduling only.',
    }),
    moves: [
      { by: 'ian', event: 'SUBMIT_RESPONSE' },
      { by: 'quinn', event: 'VERIFY', sign: 'verification' },
    ],
  },
  change_control: {
    draft: async () => ({
      title: 'Replace tablet press 2',
      justification: 'End of vendor support.',
      riskClass: 'high',
    }),
    moves: [
      { by: 'olivia', event: 'SUBMIT' },
      { by: 'quinn', event: 'APPROVE', sign: 'approval' },
    ],
  },
};

/** The scenario of a record type, or a failure that says which type lacks one. */
export function scenarioOf(recordType: RecordType): RecordScenario {
  const scenario = recordScenarios[recordType.name];
  if (!scenario) {
    throw new Error(`No scenario for record type ${recordType.name}: add one to recordScenarios.`);
  }
  return scenario;
}

/** Users of organization A in the order a sweep asks them; the approvers last, so they stay independent. */
const orgAUsers: readonly TestUser[] = ['olivia', 'ian', 'aaron', 'rita', 'victor', 'quinn'];

/** The first test user the permission matrix lets do this to a record type. */
export function userWhoMay(
  recordType: RecordType,
  action: 'create' | 'update' | 'comment' | 'attach',
): TestUser {
  const user = orgAUsers.find((name) => can(testPrincipals[name], recordType, action));
  if (!user) throw new Error(`No test user may ${action} a ${recordType.name}.`);
  return user;
}

/** Creates a record of the type from its scenario's draft, by someone who may. */
export async function createFromScenario(
  kit: TestKit,
  recordType: RecordType,
): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const by = userWhoMay(recordType, 'create');
  return createRecord(kit, by, recordType.collection, await scenarioOf(recordType).draft(kit));
}
