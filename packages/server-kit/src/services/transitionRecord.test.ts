/**
 * The kit stores what core's `transitionEffects` lays out for a move: the same audit entries
 * in the same order, and the signature bound to the version the move produced. The fixture
 * server of `@masetra/fixtures` is held to the same function (its `fakeServer.test.ts`), so
 * the two cannot drift apart again.
 */

import { decideTransition, type RecordBase, recordContentHash, transitionEffects } from '@masetra/core';
import { hostRegistry as registry } from '@masetra/fixtures';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRecord, expectOk, transition } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from '../http/testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({ registry });
}, kitStartTimeout);
afterAll(() => kit.close());

it('a signed move writes what core says it writes, and signs the version it produces', async () => {
  const created = await createRecord(kit, 'olivia', 'change-controls', {
    title: 'Replace tablet press 2',
    justification: 'End of vendor support.',
    riskClass: 'high',
  });
  const before: RecordBase = await expectOk(transition(kit, 'olivia', 'change-controls', created, 'SUBMIT'));
  const trailBefore = (await kit.as('quinn')(`/change-controls/${before.id}/audit-trail`)).json.items.length;

  const after = await expectOk(
    transition(kit, 'quinn', 'change-controls', before, 'APPROVE', { sign: 'approval' }),
  );

  const [signature] = (await kit.as('quinn')(`/change-controls/${before.id}/signatures`)).json.items;
  expect(signature).toMatchObject({
    recordVersion: before.version + 1,
    contentHash: await recordContentHash(after),
  });
  const decision = decideTransition(registry.byName('change_control')!, before as never, {
    type: 'APPROVE',
    actorId: 'quinn',
    signature: { meaning: 'approval' },
  });
  if (!decision.ok) throw new Error(decision.detail);
  const expected = await transitionEffects({
    current: before,
    accepted: decision,
    event: 'APPROVE',
    at: after.updatedAt,
    signer: { id: 'quinn', printedName: 'Quinn QA' },
    newSignatureId: () => signature.id,
    // The change control has no attachment: the signature covers none, and says so.
    attachments: [],
  });
  expect(after).toEqual(expected.record);
  expect(signature).toEqual(expected.signature);
  const appended = (await kit.as('quinn')(`/change-controls/${before.id}/audit-trail`)).json.items.slice(
    trailBefore,
  );
  expect(
    appended.map(({ action, changes, reason, stateFrom, stateTo }: Record<string, unknown>) => ({
      action,
      changes,
      reason,
      stateFrom,
      stateTo,
    })),
  ).toEqual(expected.auditEntries);
});
