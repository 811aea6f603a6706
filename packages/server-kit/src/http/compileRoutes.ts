import type { RouteDefinition } from '@masetra/core';

export interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  paramNames: string[];
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

/** Turns `/deviations/{id}/transitions` into a matcher once, at mount time. */
export function compileRoutes(routes: readonly RouteDefinition[]): CompiledRoute[] {
  return routes.map((route) => {
    const paramNames: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        paramNames.push(param[1] as string);
        return '([^/]+)';
      })
      .join('/');
    return { route, pattern: new RegExp(`^${source}/?$`), paramNames };
  });
}

function decodeParam(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Finds the route for a method and a path as it came (still percent-encoded). `allowed`
 * lists the methods the path knows, so a known path with an unknown method is a 405, not a 404.
 */
export function matchRoute(
  compiled: readonly CompiledRoute[],
  method: string,
  path: string,
): { match?: RouteMatch; allowed: string[] } {
  const allowed: string[] = [];
  for (const candidate of compiled) {
    const found = candidate.pattern.exec(path);
    if (!found) continue;
    allowed.push(candidate.route.method);
    if (candidate.route.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [index, name] of candidate.paramNames.entries()) {
      const value = decodeParam(found[index + 1] as string);
      // Text that is no valid percent-encoding names no resource: a 404 like any unknown id.
      if (value === null) return { allowed: [] };
      params[name] = value;
    }
    return { match: { route: candidate.route, params }, allowed };
  }
  return { allowed };
}
