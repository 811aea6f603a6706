import type { RecordType } from '@masetra/core';

/**
 * The states in which a record counts as done (closed, not cancelled): its final states tagged
 * `done`; a type whose lifecycle ends only in void states finishes in states tagged `done`
 * (a document becomes `effective`); failing both, any final state not tagged `void`.
 */
export function doneStates(recordType: RecordType): string[] {
  const tagged = (state: string, tag: string) => recordType.stateTags[state]?.includes(tag) ?? false;
  const finalDone = recordType.finalStates.filter((state) => tagged(state, 'done'));
  if (finalDone.length > 0) return finalDone;
  const done = recordType.states.filter((state) => tagged(state, 'done'));
  if (done.length > 0) return done;
  return recordType.finalStates.filter((state) => !tagged(state, 'void'));
}
