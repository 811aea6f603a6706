import type { QmsHandler } from '../createQms';

type RouteHandler = (request: Request) => Promise<Response>;

/**
 * Route handlers for a Next.js App Router catch-all route, e.g.
 * `app/qms/[...path]/route.ts`: `export const { GET, POST, PUT, PATCH, DELETE } = toNext(qms)`.
 * Create the kit with `basePath: '/qms'` so it finds its routes below the mount point.
 */
export function toNext(qms: QmsHandler): {
  GET: RouteHandler;
  POST: RouteHandler;
  /** A document's content file (`PUT /documents/{id}/content`) and kind prefixes are put. */
  PUT: RouteHandler;
  PATCH: RouteHandler;
  DELETE: RouteHandler;
} {
  const handle: RouteHandler = (request) => qms(request);
  return { GET: handle, POST: handle, PUT: handle, PATCH: handle, DELETE: handle };
}
