/** A record's traceability chain over HTTP: both directions, host objects, limits, tenancy. */
import { traceLimits } from '@masetra/core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordScenario, recordScenarios } from '../http/testing/recordScenarios';
import { createRecord, describedDeviation } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, type TestUser } from '../http/testing/startTestKit';

let kit: TestKit;
const scenario = (name: string) => recordScenarios[name] as RecordScenario;

beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

async function link(user: TestUser, collection: string, id: string, body: unknown) {
  const added = await kit.as(user)(`/${collection}/${id}/links`, { method: 'POST', body });
  expect(added.status, added.text).toBe(201);
  return added.json;
}

async function traceOf(collection: string, id: string, user: TestUser = 'quinn') {
  const trace = await kit.as(user)(`/${collection}/${id}/trace`);
  expect(trace.status, trace.text).toBe(200);
  return trace.json as {
    records: {
      type: string;
      id: string;
      number: string;
      title: string | null;
      state: string;
      depth: number;
    }[];
    links: { kind: string; from: { id: string }; to?: { id: string }; host?: { id: string } }[];
    truncated: boolean;
  };
}

describe('traceability', () => {
  it("walks a deviation's chain: its CAPA, the document the CAPA changes, a recurrence and a batch", async () => {
    const deviation = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const capa = await createRecord(kit, 'quinn', 'capas', {
      ...(await scenario('capa').draft(kit)),
      links: [{ kind: 'addressed_by', from: { type: 'deviation', id: deviation.id } }],
    });
    const document = await createRecord(kit, 'olivia', 'documents', await scenario('document').draft(kit));
    await link('quinn', 'capas', capa.id, { kind: 'changes', to: { type: 'document', id: document.id } });
    const recurrence = await createRecord(kit, 'olivia', 'deviations', {
      ...describedDeviation({ title: 'Cold room 3 again' }),
      links: [{ kind: 'recurrence_of', to: { type: 'deviation', id: deviation.id } }],
    });
    await link('olivia', 'deviations', deviation.id, {
      kind: 'concerns',
      host: { system: 'mes', kind: 'batch', id: 'B-24-117' },
    });

    const trace = await traceOf('deviations', deviation.id);
    expect(trace.truncated).toBe(false);
    expect(trace.records.map((record) => [record.number, record.depth])).toEqual([
      [deviation.number, 0],
      [capa.number, 1],
      [recurrence.number, 1],
      [document.number, 2],
    ]);
    expect(trace.records[3]).toEqual({
      type: 'document',
      id: document.id,
      number: document.number,
      title: document.title,
      state: document.state,
      depth: 2,
    });
    expect(trace.links.map((each) => each.kind).sort()).toEqual([
      'addressed_by',
      'changes',
      'concerns',
      'recurrence_of',
    ]);
    expect(trace.links.find((each) => each.kind === 'concerns')).toMatchObject({
      from: { id: deviation.id },
      host: { system: 'mes', kind: 'batch', id: 'B-24-117' },
    });

    // From the document's end the same chain, the other way round.
    const fromDocument = await traceOf('documents', document.id, 'victor');
    expect(fromDocument.records.map((record) => [record.number, record.depth])).toEqual([
      [document.number, 0],
      [capa.number, 1],
      [deviation.number, 2],
      [recurrence.number, 3],
    ]);
  });

  it('stops at the depth limit and says the chain goes on', async () => {
    // A chain of recurrences one longer than the walk goes.
    const chain = [await createRecord(kit, 'olivia', 'deviations', describedDeviation())];
    for (let step = 0; step <= traceLimits.depth; step++) {
      const previous = chain.at(-1);
      chain.push(
        await createRecord(kit, 'olivia', 'deviations', {
          ...describedDeviation({ title: `Recurrence ${step + 1}` }),
          links: [{ kind: 'recurrence_of', to: { type: 'deviation', id: previous.id } }],
        }),
      );
    }
    const trace = await traceOf('deviations', chain[0].id);
    expect(trace.records).toHaveLength(traceLimits.depth + 1);
    expect(trace.records.at(-1)?.depth).toBe(traceLimits.depth);
    expect(trace.truncated).toBe(true);
    const fromTheMiddle = await traceOf('deviations', chain[2].id);
    expect(fromTheMiddle.truncated).toBe(false);
    expect(fromTheMiddle.records).toHaveLength(chain.length);
  });

  it("stays in the caller's organization: another's record is a 404, a forged link to it is not followed", async () => {
    const ours = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const theirs = await createRecord(kit, 'greta', 'deviations', describedDeviation());
    const refused = await kit.as('greta')(`/deviations/${ours.id}/trace`);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // A row the API would never write: org B's deviation "recurring" org A's.
    await kit.storage.db
      .insertInto('record_links')
      .values({
        id: uuidv7(),
        org_id: 'org-b',
        kind: 'recurrence_of',
        from_type: 'deviation',
        from_id: theirs.id,
        to_type: 'deviation',
        to_system: '',
        to_kind: '',
        to_id: ours.id,
        to_label: null,
        created_by: 'greta',
        created_by_name: 'Greta Globex',
        created_at: new Date().toISOString(),
      })
      .execute();
    const theirTrace = await traceOf('deviations', theirs.id, 'greta');
    expect(theirTrace.records.map((record) => record.id)).toEqual([theirs.id]);
    expect(theirTrace.links).toEqual([]);
    const ourTrace = await traceOf('deviations', ours.id);
    expect(ourTrace.records.map((record) => record.id)).toEqual([ours.id]);
  });

  it('answers 404 for an id that names no record, a number among them', async () => {
    expect((await kit.as('quinn')(`/deviations/${uuidv7()}/trace`)).status).toBe(404);
    expect((await kit.as('quinn')('/deviations/DEV-1/trace')).status).toBe(404);
  });
});
