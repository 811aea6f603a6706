import { createRegistry, type Deviation, recordTypes } from '@masetra/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createClient } from './createClient';
import { baseUrl } from './internal/testing/mockServer';

describe('createClient', () => {
  it('serves a record type by registry name or by the type itself, one client per type', () => {
    const client = createClient({ baseUrl });
    expect(client.records('deviation')).toBe(client.records(recordTypes.deviation));
    expect(client.records('capa').recordType).toBe(recordTypes.capa);
    expect(() => client.records('change_control' as never)).toThrow(TypeError);
  });

  it('knows the record types of a host registry', () => {
    const client = createClient({ baseUrl, registry: createRegistry({ deviation: recordTypes.deviation }) });
    expect(client.records('deviation').recordType).toBe(recordTypes.deviation);
    // @ts-expect-error capa is not in this registry
    expect(() => client.records('capa')).toThrow(TypeError);
  });

  it('types requests and responses from the contract', () => {
    const deviations = createClient({ baseUrl }).records('deviation');
    expectTypeOf(deviations.get).returns.resolves.toEqualTypeOf<Deviation>();
    expectTypeOf(deviations.list).returns.resolves.toEqualTypeOf<{
      items: Deviation[];
      nextCursor: string | null;
    }>();
    expectTypeOf(deviations.create).parameter(0).toHaveProperty('title').toEqualTypeOf<string>();
    expectTypeOf(deviations.create)
      .parameter(0)
      .toHaveProperty('severity')
      .toEqualTypeOf<'minor' | 'major' | 'critical' | undefined>();
    expectTypeOf(deviations.transition).parameter(1).toHaveProperty('event').toEqualTypeOf<string>();
    expectTypeOf(createClient({ baseUrl }).auditTrail.exportCsv).returns.resolves.toEqualTypeOf<string>();

    // Compile-time only: these would break the contract.
    const typeErrors = () => {
      // @ts-expect-error title is required at create
      void deviations.create({ severity: 'minor' });
      // @ts-expect-error severity is one of minor, major, critical
      void deviations.create({ title: 'x', severity: 'catastrophic' });
      // @ts-expect-error number is server-owned
      void deviations.update('id', { number: 'DEV-1' });
      // @ts-expect-error a signature needs its meaning
      void deviations.transition('id', { event: 'APPROVE', signature: { password: 'pw' } });
    };
    expect(typeErrors).toBeTypeOf('function');
  });
});
