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

/**
 * Finds the route for a method and path. `allowed` lists the methods the path knows, so a
 * known path with an unknown method is a 405, not a 404.
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
    candidate.paramNames.forEach((name, index) => {
      params[name] = decodeURIComponent(found[index + 1] as string);
    });
    return { match: { route: candidate.route, params }, allowed };
  }
  return { allowed };
}
