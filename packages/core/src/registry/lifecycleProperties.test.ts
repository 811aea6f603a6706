import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Capa, validateCapaChange } from '../capa';
import type { RecordOf, RecordType } from '../record-type/defineRecordType';
import { availableEvents, evaluateTransition, initialStateOf } from '../record-type/lifecycle';
import { type LifecycleEvent, SYSTEM_ACTOR } from '../record-type/lifecycleEvent';
import { recordTypes } from './recordTypes';

type AnyRecord = RecordOf<RecordType>;

const OWNER = 'user-owner';
/** Someone who raised the record and named another person its owner. */
const CREATOR = 'user-creator';
const actors = [OWNER, CREATOR, 'user-qa', 'user-reviewer', SYSTEM_ACTOR];
const NUM_RUNS = 200;

/**
 * For each type: the value of every field a full record has, and other values each field
 * may take (a missing field is always among them). Records mix the two at random, so
 * some reach the end of their lifecycle and some stop where a field is missing.
 */
const fieldVariants: Record<keyof typeof recordTypes, Record<string, readonly unknown[]>> = {
  deviation: {
    description: ['Hardness 62 N against 80-120 N.', ''],
    occurredAt: ['2026-03-02T07:45:00.000Z'],
    area: ['Compression suite 2', '  '],
    severity: ['major', 'minor', 'critical'],
    immediateActions: ['Batch on hold.', ''],
    rootCause: ['Worn punch tips.', ''],
    rootCauseMethod: ['five_whys', 'fishbone'],
    impactAssessment: ['Batch 24-117 only.'],
    capaRequired: [true, false],
    linkedCapaIds: [['capa-1'], []],
    rationaleForNoCapa: ['Covered by PM-007.', ' '],
    stateBeforeCancellation: [null],
  },
  capa: {
    description: ['Worn punches caused low hardness.', ''],
    kind: ['corrective', 'preventive'],
    tasks: [
      [
        {
          id: 't1',
          title: 'Replace punches',
          ownerId: 'user-eng',
          dueAt: '2026-03-20T17:00:00.000Z',
          done: true,
        },
      ],
      [
        {
          id: 't1',
          title: 'Replace punches',
          ownerId: 'user-eng',
          dueAt: '2026-03-20T17:00:00.000Z',
          done: true,
        },
        {
          id: 't2',
          title: 'Update PM-007',
          ownerId: 'user-maint',
          dueAt: '2026-04-15T17:00:00.000Z',
          done: false,
        },
      ],
      [{ id: 't1', title: 'Replace punches', done: true }],
      [],
    ],
    effectivenessCriteria: ['No excursion in 20 batches.', ''],
    effectivenessResult: ['effective', 'not_effective'],
    effectivenessEvidence: ['Batches 24-120 to 24-139 in range.', ''],
    dueAt: ['2026-06-30T17:00:00.000Z'],
  },
  document: {
    documentKind: ['sop', 'form'],
    content: ['1. Purpose ...', ''],
    contentFile: [
      {
        attachmentId: '0190a0b0-0000-7000-8000-000000000001',
        fileName: 'SOP.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 1200,
        sha256: 'b'.repeat(64),
        uploadedBy: 'user-author',
        uploadedAt: '2026-02-02T09:00:00.000Z',
      },
    ],
    versionLabel: ['0.1', '0.4', '1.1'],
    effectiveDate: ['2026-04-01', '2027-01-01'],
    reviewIntervalMonths: [24, 1],
    nextReviewDue: ['2027-01-01'],
  },
  audit: {
    auditKind: ['supplier', 'internal'],
    scope: ['Warehousing and QC release.', ''],
    auditee: ['Warehouse', ''],
    supplierName: ['Lactose Works GmbH'],
    leadAuditorId: ['user-lead', ''],
    plannedStart: ['2026-03-09', '2026-03-12'],
    plannedEnd: ['2026-03-10'],
    summary: ['Two minor findings.', ''],
    report: ['Full report ...'],
  },
  finding: {
    description: ['Mapping overdue since 2025.', ''],
    classification: ['minor', 'major'],
    response: ['Mapping booked for April.', ' '],
    linkedCapaIds: [['capa-2'], []],
    rationale: ['Corrected on the spot.', ''],
  },
};

/** Fields every record of a type has from its creation on. */
const createdWith: Partial<Record<keyof typeof recordTypes, Record<string, unknown>>> = {
  finding: { auditId: '01960000-0000-7000-8000-0000000000a1' },
};

function recordsOf(
  recordType: RecordType,
  variants: Record<string, readonly unknown[]>,
): fc.Arbitrary<AnyRecord> {
  const model = Object.fromEntries(
    Object.entries(variants).map(([field, values]) => [
      field,
      fc.oneof(
        { weight: 5, arbitrary: fc.constant(values[0]) },
        { weight: 1, arbitrary: fc.constantFrom(undefined, ...values) },
      ),
    ]),
  );
  // Mostly the owner raised the record; sometimes someone else did and named the owner.
  const creators = fc.oneof(
    { weight: 3, arbitrary: fc.constant(OWNER) },
    { weight: 1, arbitrary: fc.constant(CREATOR) },
  );
  return fc.tuple(fc.record(model), creators).map(([fields, createdBy]) => ({
    id: '01960000-0000-7000-8000-000000000042',
    orgId: 'org-acme',
    type: recordType.name,
    number: `${recordType.numberPrefix}-2026-0042`,
    state: initialStateOf(recordType),
    version: 1,
    ownerId: OWNER,
    createdBy,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    title: 'Property-test record',
    ...createdWith[recordType.name as keyof typeof recordTypes],
    ...fields,
  }));
}

/**
 * What events may carry as `data`: for a CAPA, extension requests (of a task or of the CAPA,
 * later or earlier, well formed or not); for every type, now and then data a move does not take.
 */
const dataVariants: Partial<Record<keyof typeof recordTypes, readonly Record<string, unknown>[]>> = {
  capa: [
    { taskId: 't2', newDueAt: '2026-05-15T17:00:00.000Z' },
    { taskId: 't2', newDueAt: '2026-08-15T17:00:00.000Z' },
    { newDueAt: '2026-09-30T17:00:00.000Z' },
    { newDueAt: '2026-12-31T17:00:00.000Z' },
    { taskId: 't1', newDueAt: '2026-05-15T17:00:00.000Z' },
    { taskId: 't2', newDueAt: '2026-01-01T00:00:00.000Z' },
    { taskId: 't2', newDueAt: 'after the summer' },
  ],
};
const unexpectedData = { note: 'Nothing asked for this.' };

/** Moves that end a lifecycle early; drawn less often, so that walks also reach the far states. */
const exits = new Set(['REQUEST_CANCELLATION', 'CANCEL', 'RETIRE']);

/**
 * A random event, whose type is drawn when it is sent: mostly among the events the
 * current state knows (else few walks would get past the first states), else among all.
 */
interface EventDraft extends Omit<LifecycleEvent, 'type'> {
  known: boolean;
  pick: number;
}

function eventDraft(typeName: string): fc.Arbitrary<EventDraft> {
  const data = [...(dataVariants[typeName as keyof typeof recordTypes] ?? []), unexpectedData];
  return fc.record({
    known: fc.boolean(),
    pick: fc.nat(),
    actorId: fc.constantFrom(...actors),
    reason: fc.oneof(fc.constant('Because the evidence says so.'), fc.constantFrom(undefined, '', '   ')),
    at: fc.oneof(
      fc.constant('2027-06-01T00:00:00.000Z'),
      fc.constantFrom(undefined, '2026-01-01T00:00:00.000Z'),
    ),
    related: fc.option(
      fc.record({ finding: fc.record({ open: fc.nat({ max: 2 }), total: fc.constant(2) }) }),
      {
        nil: undefined,
      },
    ),
    data: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom(...data) },
    ),
  });
}

function eventDrafts(typeName: string): fc.Arbitrary<EventDraft[]> {
  return fc.array(eventDraft(typeName), { minLength: 1, maxLength: 20, size: 'max' });
}

function eventFor(
  recordType: RecordType,
  record: AnyRecord,
  { known, pick, ...rest }: EventDraft,
): LifecycleEvent {
  const stateEvents = recordType.machine.root.states[record.state]?.ownEvents ?? [];
  const pool = known && stateEvents.length > 0 ? stateEvents : recordType.events;
  const preferred = pool.filter((event) => !exits.has(event));
  const from = preferred.length > 0 && pick % 4 !== 0 ? preferred : pool;
  return { type: from[Math.floor(pick / 4) % from.length]!, ...rest };
}

/** A plain check: `expect` per step would dominate the run time of thousands of steps. */
function holds(condition: boolean, failure: () => string): void {
  if (!condition) throw new Error(failure());
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Sends the events one after the other from the record, reporting each move to `check`. */
function walk(
  recordType: RecordType,
  start: AnyRecord,
  drafts: EventDraft[],
  check: (record: AnyRecord, event: LifecycleEvent, outcome: ReturnType<typeof evaluateTransition>) => void,
) {
  let record = start;
  for (const draft of drafts) {
    if (recordType.finalStates.includes(record.state)) return;
    const event = eventFor(recordType, record, draft);
    const outcome = evaluateTransition(recordType, record, event);
    check(record, event, outcome);
    if (outcome.ok) record = outcome.record;
  }
}

describe.each(Object.entries(fieldVariants))('%s lifecycle properties', (name, variants) => {
  const recordType: RecordType = recordTypes[name as keyof typeof recordTypes];
  const records = recordsOf(recordType, variants);
  const events = eventDrafts(name);

  it('every accepted move lands on a record its new state accepts, and no owner or creator signs an approval', () => {
    fc.assert(
      fc.property(records, events, (start, sequence) => {
        walk(recordType, start, sequence, (record, event, outcome) => {
          if (!outcome.ok) return;
          const move = `${outcome.from} -${event.type}-> ${outcome.to} by ${event.actorId}`;
          holds(
            outcome.record.state === outcome.to && recordType.states.includes(outcome.to),
            () => `${move}: bad state`,
          );
          const issues = recordType.requiredFields[outcome.to]?.safeParse(outcome.record).error?.issues ?? [];
          holds(issues.length === 0, () => `${move}: the record misses ${JSON.stringify(issues)}`);
          holds(
            outcome.meta.signature !== 'approval' ||
              (event.actorId !== record.ownerId && event.actorId !== record.createdBy),
            () => `${move}: its owner (${record.ownerId}) or creator (${record.createdBy}) approved`,
          );
          holds(
            outcome.meta.signature !== 'verification' || event.actorId !== record.ownerId,
            () => `${move}: its owner verified their own work`,
          );
          holds(!outcome.meta.reason || !!event.reason?.trim(), () => `${move}: taken without a reason`);
          holds(!outcome.meta.system || event.actorId === SYSTEM_ACTOR, () => `${move}: taken by a person`);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never changes the record it is given, whether it accepts the move or not', () => {
    fc.assert(
      fc.property(records, events, (start, sequence) => {
        let record = deepFreeze(start);
        for (const draft of sequence) {
          if (recordType.finalStates.includes(record.state)) return;
          const event = eventFor(recordType, record, draft);
          const before = structuredClone(record);
          const outcome = evaluateTransition(recordType, record, event);
          expect(record).toStrictEqual(before);
          if (outcome.ok) record = deepFreeze(outcome.record);
          else holds(!('record' in outcome), () => `${event.type} refused but returned a record`);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the action bar enables exactly the moves the machine accepts', () => {
    fc.assert(
      fc.property(records, events, fc.constantFrom(...actors), (start, sequence, actorId) => {
        walk(recordType, start, sequence, (record, event) => {
          const context = { actorId, related: event.related, at: event.at };
          const offered = availableEvents(recordType, record, context);
          const known = recordType.machine.root.states[record.state]?.ownEvents ?? [];
          // Events the state does not know are refused before any guard runs (see lifecycleTables.test.ts).
          holds(
            offered.every((candidate) => known.includes(candidate.type)),
            () => `${record.state}: offers an event the state does not know`,
          );
          for (const type of known) {
            const outcome = evaluateTransition(recordType, record, {
              type,
              ...context,
              reason: 'Stated.',
            });
            const shown = offered.find((candidate) => candidate.type === type);
            // System moves are the scheduler's, moves with data a screen's of their own: not offered.
            const expected = outcome.meta?.system || outcome.meta?.data ? undefined : outcome.ok;
            holds(
              shown?.enabled === expected,
              () => `${record.state} ${type} by ${actorId}: shown ${shown?.enabled}, machine ${outcome.ok}`,
            );
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('segregation of duties within one approval chain', () => {
  it('no document version is reviewed by its author, nor approved by its author or its reviewer', () => {
    const recordType: RecordType = recordTypes.document;
    let approvals = 0;
    fc.assert(
      fc.property(
        recordsOf(recordType, fieldVariants.document),
        eventDrafts('document'),
        (start, sequence) => {
          // Kept here from the moves taken, not read from the record the machine keeps.
          let author: string | undefined;
          let reviewer: string | undefined;
          walk(recordType, start, sequence, (record, event, outcome) => {
            if (!outcome.ok) return;
            const move = `${record.state} -${event.type}-> by ${event.actorId} (v${String(record.versionLabel)})`;
            if (event.type === 'SUBMIT_FOR_REVIEW') {
              author = event.actorId;
              reviewer = undefined;
            } else if (event.type === 'COMPLETE_REVIEW') {
              holds(event.actorId !== author, () => `${move}: reviewed by its author`);
              reviewer = event.actorId;
            } else if (event.type === 'APPROVE') {
              holds(event.actorId !== author, () => `${move}: approved by its author`);
              holds(event.actorId !== reviewer, () => `${move}: approved by its reviewer`);
              approvals += 1;
            } else if (event.type === 'REQUEST_CHANGES') {
              author = undefined;
              reviewer = undefined;
            }
          });
        },
      ),
      { numRuns: NUM_RUNS },
    );
    // The walks must reach approvals for the property to say anything.
    expect(approvals).toBeGreaterThan(10);
  });

  describe('CAPA due dates and extension requests, through moves and changes alike', () => {
    const recordType: RecordType = recordTypes.capa;
    const JUNE = '2026-06-30T17:00:00.000Z';
    const plannedTasks = [
      {
        id: 't1',
        title: 'Replace punches',
        ownerId: 'user-eng',
        dueAt: '2026-03-20T17:00:00.000Z',
        done: true,
      },
      {
        id: 't2',
        title: 'Update PM-007',
        ownerId: 'user-maint',
        dueAt: '2026-04-15T17:00:00.000Z',
        done: false,
      },
    ];
    const starts = fc
      .tuple(
        recordsOf(recordType, fieldVariants.capa),
        fc.constantFrom('draft', 'plan_approval', 'implementation', 'effectiveness_check'),
      )
      .map(([record, state]) => ({ ...record, state, tasks: plannedTasks, dueAt: JUNE }) as AnyRecord);

    /** A change a person saves, as `validateCapaChange` and the update input judge it. */
    type Change = 'finishTasks' | 'moveTaskDue' | 'moveCapaDue' | 'dropTask';
    const step = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('event' as const),
          draft: eventDraft('capa'),
          // Mostly an extension move where the state knows them, so that walks reach their decisions.
          extension: fc.constantFrom(true, true, false),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('change' as const),
          change: fc.constantFrom<Change>('finishTasks', 'moveTaskDue', 'moveCapaDue', 'dropTask'),
          days: fc.integer({ min: -30, max: 90 }),
        }),
      },
    );

    const shifted = (iso: string | undefined, days: number) =>
      new Date(Date.parse(iso ?? JUNE) + days * 86_400_000).toISOString();

    function changeOf(capa: Capa, change: Change, days: number): Partial<Capa> {
      const tasks = capa.tasks ?? [];
      switch (change) {
        case 'finishTasks':
          return { tasks: tasks.map((task) => ({ ...task, done: true })) };
        case 'moveTaskDue':
          return {
            tasks: tasks.map((task) => (task.done ? task : { ...task, dueAt: shifted(task.dueAt, days) })),
          };
        case 'moveCapaDue':
          return { dueAt: shifted(capa.dueAt, days) };
        case 'dropTask':
          return { tasks: tasks.slice(1) };
      }
    }

    const dueDates = (capa: Capa) => ({
      capa: capa.dueAt,
      tasks: Object.fromEntries((capa.tasks ?? []).map((task) => [task.id, task.dueAt])),
    });
    const extensionEvents = ['REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REFUSE_EXTENSION'];

    it('no extension is decided by its requester, and a locked due date moves only by an approved extension', () => {
      const seen = { approved: 0, refusedChanges: 0 };
      fc.assert(
        fc.property(starts, fc.array(step, { minLength: 1, maxLength: 30, size: 'max' }), (start, steps) => {
          let capa = start as Capa;
          // What was requested, kept from the moves taken, not read from the record.
          let pending: { by: string; taskId?: string; newDueAt: string } | undefined;
          for (const each of steps) {
            if (recordType.finalStates.includes(capa.state)) return;
            const locked = ['implementation', 'effectiveness_check'].includes(capa.state);
            const before = dueDates(capa);
            if (each.kind === 'change') {
              const changes = changeOf(capa, each.change, each.days);
              if (validateCapaChange(capa, changes).length > 0) {
                seen.refusedChanges += 1;
                continue;
              }
              capa = { ...capa, ...changes };
              holds(
                !locked || JSON.stringify(dueDates(capa)) === JSON.stringify(before),
                () => `${each.change} moved a locked due date: ${JSON.stringify([before, dueDates(capa)])}`,
              );
              continue;
            }
            const known = recordType.machine.root.states[capa.state]?.ownEvents ?? [];
            const extensions = known.filter((type) => extensionEvents.includes(type));
            const type = extensions[each.draft.pick % extensions.length];
            const event =
              each.extension && type
                ? {
                    ...each.draft,
                    type,
                    // A request mostly carries a date; the decisions mostly none.
                    data:
                      type === 'REQUEST_EXTENSION'
                        ? (each.draft.data ?? dataVariants.capa![each.draft.pick % 4])
                        : each.draft.data,
                  }
                : eventFor(recordType, capa, each.draft);
            const outcome = evaluateTransition(recordType, capa, event);
            if (!outcome.ok) continue;
            const move = `${capa.state} -${event.type}-> by ${event.actorId}`;
            const after = dueDates(outcome.record as Capa);
            if (event.type === 'REQUEST_EXTENSION') {
              const data = event.data as { taskId?: string; newDueAt: string };
              pending = { by: event.actorId, ...data };
            } else if (event.type === 'APPROVE_EXTENSION' || event.type === 'REFUSE_EXTENSION') {
              holds(pending !== undefined && event.actorId !== pending.by, () => `${move}: by its requester`);
            }
            if (locked && JSON.stringify(after) !== JSON.stringify(before)) {
              holds(event.type === 'APPROVE_EXTENSION', () => `${move} moved a locked due date`);
              const expected = structuredClone(before);
              if (pending?.taskId === undefined) expected.capa = pending?.newDueAt;
              else expected.tasks[pending.taskId] = pending.newDueAt;
              holds(
                JSON.stringify(after) === JSON.stringify(expected),
                () => `${move} moved ${JSON.stringify(after)}, not as requested ${JSON.stringify(pending)}`,
              );
              seen.approved += 1;
            }
            if (event.type === 'APPROVE_EXTENSION' || event.type === 'REFUSE_EXTENSION') pending = undefined;
            capa = outcome.record as Capa;
          }
        }),
        { numRuns: NUM_RUNS },
      );
      // The walks must approve extensions and try forbidden changes for the property to say anything.
      expect(seen.approved).toBeGreaterThan(10);
      expect(seen.refusedChanges).toBeGreaterThan(10);
    });
  });
});
