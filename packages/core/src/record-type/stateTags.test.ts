import { describe, expect, it } from 'vitest';
import { recordTypes } from '../registry/recordTypes';
import { stateHasTag } from './stateTags';

describe('state tags', () => {
  it.each(Object.values(recordTypes))(
    'every state of $name says how it reads (exactly one of editable, approval, done, void)',
    (type) => {
      for (const state of type.states) {
        const kinds = ['editable', 'approval', 'done', 'void'].filter((tag) => stateHasTag(type, state, tag));
        expect({ state, kinds: kinds.length }).toEqual({ state, kinds: 1 });
      }
    },
  );

  it('XState final states are tagged done or void, and nothing done or void is editable', () => {
    for (const type of Object.values(recordTypes)) {
      for (const state of type.finalStates) {
        expect(stateHasTag(type, state, 'done') || stateHasTag(type, state, 'void')).toBe(true);
      }
    }
  });

  it('reads the tags from the machine, so a deviation in investigation is tagged investigation', () => {
    expect(stateHasTag(recordTypes.deviation, 'in_investigation', 'investigation')).toBe(true);
    expect(stateHasTag(recordTypes.deviation, 'draft', 'investigation')).toBe(false);
    expect(stateHasTag(recordTypes.document, 'effective', 'done')).toBe(true);
    expect(stateHasTag(recordTypes.document, 'nonexistent', 'done')).toBe(false);
  });
});
