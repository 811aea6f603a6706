import type { RecordType } from './defineRecordType';

/**
 * The tags the built-in machines put on their states. Screens decide by tag, never by a
 * state's name, so a host's record type gets correct badges and sections by tagging its own
 * machine's states the same way.
 * - `editable`: the record's fields may still be worked on.
 * - `approval`: the record waits for a decision (a review, an approval, a verification).
 * - `done`: the record reached its outcome (closed, approved, effective).
 * - `void`: the record ended without its outcome (cancelled, obsolete, superseded).
 * Record types add their own (`assessment`, `investigation` on a deviation's states).
 */
export type StateTag = 'editable' | 'approval' | 'done' | 'void' | (string & {});

/** Whether a state of a record type carries a tag (XState `tags` on the state node). */
export function stateHasTag(
  recordType: Pick<RecordType, 'stateTags'>,
  state: string,
  tag: StateTag,
): boolean {
  return recordType.stateTags[state]?.includes(tag) ?? false;
}
