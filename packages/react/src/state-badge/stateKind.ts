import { initialStateOf, type RecordType } from '@masetra/core';

/** How a state reads at a glance; `styles.css` colours badges by it. */
export type StateKind = 'initial' | 'open' | 'approval' | 'done' | 'void';

const voidStates = /cancel|obsolete|supersed|reject/;
const approvalStates = /approv|review|pending|check|verif|submitted/;

/** The kind of a state, from the record type's lifecycle and the state's name. */
export function stateKindOf(recordType: RecordType, state: string): StateKind {
  if (recordType.finalStates.includes(state)) return voidStates.test(state) ? 'void' : 'done';
  if (state === initialStateOf(recordType)) return 'initial';
  if (state === 'approved' || state === 'effective') return 'done';
  return approvalStates.test(state) ? 'approval' : 'open';
}
