/**
 * OpenAPI generation lives in its own entry (`@masetra/core/openapi`): servers need it,
 * browsers do not, and zod's JSON Schema output would double core's browser bundle.
 */
export type { OpenApiOptions } from './generateOpenApi';
export { generateOpenApi } from './generateOpenApi';
