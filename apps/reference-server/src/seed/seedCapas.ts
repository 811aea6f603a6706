import type { SeedRecord } from './seedApi';
import type { SeedActors } from './seedDemoData';

const day = 86_400_000;

/** CAPAs in every state: draft, plan approval, implementation, effectiveness check, closed, cancelled. */
export async function seedCapas(actors: SeedActors, ids: Record<string, string>, now: Date) {
  const { investigator, qa } = actors;
  const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
  const plan = (title: string, tasks: string[], dueInDays: number) => ({
    title,
    description: `${title}. Raised to remove the cause and prevent recurrence.`,
    kind: 'corrective',
    effectivenessCriteria: 'No recurrence in the next three months of production, confirmed by trend review.',
    dueAt: at(dueInDays),
    tasks: tasks.map((task, index) => ({
      id: `task-${index + 1}`,
      title: task,
      ownerId: ids.investigator,
      dueAt: at(dueInDays - 10 + index * 3),
      done: false,
    })),
  });
  const approvedPlan = async (fields: ReturnType<typeof plan>) => {
    let capa = await investigator.create('capas', fields);
    capa = await investigator.move('capas', capa, 'SUBMIT_PLAN');
    return qa.move('capas', capa, 'APPROVE_PLAN', { meaning: 'approval' });
  };
  const finishTasks = (capa: SeedRecord) =>
    investigator.update(
      'capas',
      capa,
      { tasks: (capa.tasks as { done: boolean }[]).map((task) => ({ ...task, done: true, doneAt: at(-1) })) },
      'All tasks completed and verified on the line.',
    );

  const draft = await investigator.create('capas', {
    title: 'Revise label reconciliation procedure',
    kind: 'preventive',
    description: 'Add a second-person check of label counts at line clearance.',
  });

  let inPlanApproval = await investigator.create(
    'capas',
    plan(
      'Replace cold room 3 door seals and add alarm',
      ['Replace door seals', 'Install door-ajar alarm'],
      30,
    ),
  );
  inPlanApproval = await investigator.move('capas', inPlanApproval, 'SUBMIT_PLAN');

  let implementation = await approvedPlan(
    plan(
      'Retrain operators on visual inspection',
      ['Update training module', 'Train shift A', 'Train shift B'],
      20,
    ),
  );
  implementation = await investigator.update(
    'capas',
    implementation,
    {
      tasks: (implementation.tasks as { done: boolean }[]).map((task, index) =>
        index === 0 ? { ...task, done: true, doneAt: at(-2) } : task,
      ),
    },
    'Training module updated and released.',
  );
  // Shift B's trainer is away: an extension request, pending until someone other than the requester decides.
  implementation = await investigator.move('capas', implementation, 'REQUEST_EXTENSION', {
    reason: 'The trainer for shift B is on leave until the end of next month.',
    data: { taskId: 'task-3', newDueAt: at(45) },
  });

  let effectiveness = await approvedPlan(
    plan(
      'Requalify autoclave 2 after controller replacement',
      ['Replace controller', 'Run three requalification cycles'],
      15,
    ),
  );
  effectiveness = await finishTasks(effectiveness);
  effectiveness = await investigator.move('capas', effectiveness, 'COMPLETE_IMPLEMENTATION');

  let closed = await approvedPlan(
    // Answers the HVAC pressure alarm (seedDeviations) and changes the EM SOP (seedLinks).
    plan(
      'Check damper positions after every HVAC filter change',
      ['Add the damper check to the filter change procedure'],
      10,
    ),
  );
  closed = await finishTasks(closed);
  closed = await investigator.move('capas', closed, 'COMPLETE_IMPLEMENTATION');
  closed = await qa.update(
    'capas',
    closed,
    {
      effectivenessResult: 'effective',
      effectivenessEvidence: 'Three months of calibration records without an overdue balance.',
    },
    'Effectiveness check performed.',
  );
  closed = await qa.move('capas', closed, 'CONFIRM_EFFECTIVE', { meaning: 'verification' });

  const cancelled = await qa.move(
    'capas',
    await investigator.create('capas', { title: 'Duplicate CAPA for the HVAC alarm', kind: 'corrective' }),
    'CANCEL',
    { reason: 'Raised twice; the work is tracked in the HVAC CAPA.', meaning: 'approval' },
  );
  return { draft, inPlanApproval, implementation, effectiveness, closed, cancelled };
}

export type SeededCapas = Awaited<ReturnType<typeof seedCapas>>;
