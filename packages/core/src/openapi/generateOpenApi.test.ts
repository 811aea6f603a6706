import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { authRoutes } from '../contract/authRoutes';
import { buildContract } from '../contract/buildContract';
import { builtInRegistry } from '../registry/recordTypes';
import { generateOpenApi } from './generateOpenApi';

describe('generateOpenApi', () => {
  const contract = buildContract(builtInRegistry);
  const document = generateOpenApi([...contract.routes, ...Object.values(authRoutes)], {
    serverUrl: '/api/v1',
  });

  it('produces an OpenAPI 3.1 document a standard validator accepts', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('has one operation per contract route, named by its id', () => {
    const paths = document.paths as Record<string, Record<string, { operationId: string }>>;
    const operationIds = Object.values(paths).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    );
    expect(operationIds.sort()).toEqual(
      [...contract.routes, ...Object.values(authRoutes)].map((route) => route.id).sort(),
    );
  });

  it('documents If-Match and Idempotency-Key where the contract asks for them', () => {
    const paths = document.paths as Record<
      string,
      Record<string, { parameters: { name: string; required: boolean }[] }>
    >;
    const transition = paths['/deviations/{id}/transitions']?.post;
    expect(transition?.parameters).toContainEqual(
      expect.objectContaining({ name: 'If-Match', required: true }),
    );
    const create = paths['/deviations']?.post;
    expect(create?.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', required: false }),
    );
  });

  it('lists no security exactly for the public routes, and the bearer token for every other', () => {
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const paths = document.paths as Record<
      string,
      Record<string, { operationId: string; security?: unknown[] }>
    >;
    for (const route of [...contract.routes, ...Object.values(authRoutes)]) {
      const operation = paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.operationId, route.id).toBe(route.id);
      // No `security` member inherits the document's bearer token; `[]` overrides it with none.
      expect(operation?.security, route.id).toEqual(route.public ? [] : undefined);
    }
  });
});
