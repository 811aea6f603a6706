import { initialStateOf, type RecordType, stateHasTag } from '@masetra/core';

/** How a state reads at a glance; `styles.css` colours badges by it. */
export type StateKind = 'initial' | 'open' | 'approval' | 'done' | 'void';

/**
 * The kind of a state, from the tags its record type's machine puts on it (`void`, `done`,
 * `approval`) and from whether it is the initial state. Never from the state's name: a host's
 * own record type reads right by tagging its states as the built-in machines do.
 */
export function stateKindOf(recordType: RecordType, state: string): StateKind {
  if (stateHasTag(recordType, state, 'void')) return 'void';
  if (stateHasTag(recordType, state, 'done')) return 'done';
  if (stateHasTag(recordType, state, 'approval')) return 'approval';
  if (state === initialStateOf(recordType)) return 'initial';
  return 'open';
}
