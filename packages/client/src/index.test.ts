import { expect, it } from 'vitest';
import * as api from './index';

// The public surface is a decision: changing it must change this snapshot, visibly, in review.
it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toMatchSnapshot();
});
