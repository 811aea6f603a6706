import * as z from 'zod/mini';
import type { RouteDefinition } from '../contract/defineRoute';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '../contract/problem';

type JsonSchema = Record<string, unknown>;

export interface OpenApiOptions {
  title?: string;
  version?: string;
  /** Where the API is mounted, e.g. `/api/v1`. */
  serverUrl?: string;
  description?: string;
}

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersOf(route: RouteDefinition): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  if (route.requiresIfMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      description: 'The ETag of the version the change is based on (412 when stale, 428 when missing).',
      schema: { type: 'string' },
    });
  }
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A retry with the same key returns the first response and creates nothing new.',
      schema: { type: 'string', maxLength: 200 },
    });
  }
  return parameters;
}

function requestBodyOf(route: RouteDefinition): JsonSchema | undefined {
  if (route.bodyKind === 'binary') {
    return {
      required: true,
      content: {
        'application/octet-stream': {
          schema: { type: 'string', contentMediaType: 'application/octet-stream' },
        },
      },
    };
  }
  if (!route.body) return undefined;
  return { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
}

function successOf(route: RouteDefinition): JsonSchema {
  const content =
    route.responseKind === 'binary'
      ? {
          'application/octet-stream': {
            schema: { type: 'string', contentMediaType: 'application/octet-stream' },
          },
        }
      : route.responseKind === 'text'
        ? { 'text/csv': { schema: { type: 'string' } } }
        : { 'application/json': { schema: jsonSchema(route.response, 'output') } };
  return { description: route.summary, content };
}

/**
 * The OpenAPI 3.1 document of a set of contract routes, generated from the same zod
 * schemas the server validates with, so the document cannot drift from the API.
 */
export function generateOpenApi(
  routes: readonly RouteDefinition[],
  options: OpenApiOptions = {},
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const operation: JsonSchema = {
      operationId: route.id,
      summary: route.summary,
      tags: [...route.tags],
      parameters: parametersOf(route),
      responses: {
        [String(route.successStatus)]: successOf(route),
        ...Object.fromEntries(
          route.problems.map((status) => [String(status), { $ref: '#/components/responses/Problem' }]),
        ),
      },
    };
    const body = requestBodyOf(route);
    if (body) operation.requestBody = body;
    // The document's default is the bearer token; a public route overrides it with none.
    if (route.public) operation.security = [];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, JsonSchema>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Masetra QMS API',
      version: options.version ?? '1.0.0',
      description:
        options.description ?? 'Quality records, lifecycles, audit trail and electronic signatures.',
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      responses: {
        Problem: {
          description: 'An RFC 9457 problem',
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  };
}
