import { type RecordType, recordTypes } from '@masetra/core';
import { changeControl } from '@masetra/fixtures';
import { describe, expect, it } from 'vitest';
import { stateKindOf } from './stateKind';

const kinds = (type: RecordType) =>
  Object.fromEntries(type.states.map((state) => [state, stateKindOf(type, state)]));

describe('stateKindOf', () => {
  it('reads the kind of every built-in state off its tags', () => {
    expect(kinds(recordTypes.deviation)).toEqual({
      draft: 'initial',
      in_assessment: 'open',
      in_approval: 'approval',
      in_investigation: 'open',
      in_final_approval: 'approval',
      pending_cancellation: 'approval',
      closed: 'done',
      cancelled: 'void',
    });
    expect(kinds(recordTypes.document)).toMatchObject({
      draft: 'initial',
      in_review: 'approval',
      approved: 'done',
      effective: 'done',
      superseded: 'void',
      obsolete: 'void',
    });
  });

  it('gives a host’s own record type its kinds from its tags', () => {
    expect(kinds(changeControl)).toEqual({ draft: 'initial', review: 'approval', closed: 'done' });
  });

  it('never guesses from a state’s name', () => {
    // The same lifecycle with its tags taken away: names that read like approval or an end are plain states.
    const untagged = { ...changeControl, stateTags: { draft: [], review: [], closed: [] } };
    expect(kinds(untagged)).toEqual({ draft: 'initial', review: 'open', closed: 'open' });
  });
});
