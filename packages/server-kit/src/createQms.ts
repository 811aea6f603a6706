import {
  buildContract,
  builtInRegistry,
  type Contract,
  type RecordTypeRegistry,
  type RouteDefinition,
} from '@masetra/core';
import { generateOpenApi, type OpenApiOptions } from '@masetra/core/openapi';
import { type AuditCheckpointer, createAuditCheckpointer } from './audit-checkpoints/createAuditCheckpointer';
import { resumeAuditVerifications } from './audit-verification';
import { purgeExpiredExports, resumeExportJobs, runExportJob } from './exports';
import { compileRoutes, matchRoute } from './http/compileRoutes';
import { handlers } from './http/handlers';
import type { KitContext, RequestContext } from './http/KitContext';
import { problemOf, problems } from './http/problems';
import { internalProblem, jsonResponse, problemResponse } from './http/responses';
import { resumeImportJobs, runImportJob } from './imports';
import type { DomainEvent, QmsOptions } from './services/QmsOptions';

/** The mounted kit: a web-standard fetch handler, with what it serves attached. */
export interface QmsHandler {
  (request: Request): Promise<Response>;
  readonly contract: Contract;
  readonly registry: RecordTypeRegistry;
  /** With `auditCheckpoints`: checkpoint entries written outside the kit (a host's own, scheduled moves). */
  readonly auditCheckpointer?: AuditCheckpointer;
  /** Runs full trail verifications that no process is running (their process died); a host's sweep calls it. */
  resumeAuditVerifications(): Promise<number>;
  /**
   * Runs one export job (`POST /exports`) unless a live process runs it already; a host's outbox
   * worker calls it for each `EXPORT_JOB_EVENT` (payload `{ exportId }`). Resolves whether it ran it.
   */
  runExportJob(exportId: string): Promise<boolean>;
  /**
   * Takes over export jobs no live process runs (their process died, or no worker dispatched
   * them within a minute) and deletes files past their retention; a host's sweep calls it.
   */
  runExportJobs(): Promise<{ ran: number; purgedFiles: number }>;
  /**
   * Runs one import job (`POST /{collection}/import?dryRun=false`) unless a live process runs it;
   * a host's outbox worker calls it for each `IMPORT_JOB_EVENT` (payload `{ importId }`). An
   * aborted `signal` stops it between rows (shutdown); another process resumes it later.
   */
  runImportJob(importId: string, options?: { signal?: AbortSignal }): Promise<boolean>;
  /** Takes over import jobs no live process runs (their process died half-way); a host's sweep calls it. */
  runImportJobs(): Promise<number>;
  /** The OpenAPI 3.1 document of what this kit serves. */
  openapi(options?: OpenApiOptions & { extraRoutes?: readonly RouteDefinition[] }): Record<string, unknown>;
}

const DEFAULT_JSON_LIMIT = 1024 * 1024;
const DEFAULT_ATTACHMENT_LIMIT = 25 * 1024 * 1024;

function defaultSource(request: Request): Record<string, unknown> | null {
  const client = request.headers.get('x-masetra-source');
  const userAgent = request.headers.get('user-agent');
  if (!client && !userAgent) return null;
  return { client: client?.slice(0, 200) ?? null, userAgent: userAgent?.slice(0, 300) ?? null };
}

/**
 * The path below the mount point, still percent-encoded: the router decodes each parameter
 * once, so `%252F` stays the text `%2F` and never turns into a separator or a second escape.
 */
function pathWithin(url: URL, basePath: string | undefined): string | null {
  const path = url.pathname;
  if (!basePath) return path;
  const base = basePath.replace(/\/$/, '');
  if (path === base) return '/';
  return path.startsWith(`${base}/`) ? path.slice(base.length) : null;
}

/**
 * Creates the QMS: every record type of the registry served through the contract's routes,
 * with the audit trail, electronic signatures, concurrency and idempotency rules of DESIGN.
 *
 * @example
 * const qms = createQms({ storage, authenticate: hostAuth, verifySigner: hostVerifySigner });
 * app.use('/qms', toExpress(qms));
 */
export function createQms(options: QmsOptions): QmsHandler {
  const registry = options.registry ?? builtInRegistry;
  const contract = buildContract(registry);
  const compiled = compileRoutes(contract.routes);
  const kit: KitContext = {
    storage: options.storage,
    registry,
    contract,
    options,
    files: options.files,
    auditCheckpointer: options.auditCheckpoints
      ? createAuditCheckpointer(options.storage.db, options.auditCheckpoints)
      : undefined,
    limits: {
      jsonBodyBytes: options.limits?.jsonBodyBytes ?? DEFAULT_JSON_LIMIT,
      attachmentBytes: options.limits?.attachmentBytes ?? DEFAULT_ATTACHMENT_LIMIT,
    },
    now: options.clock ?? (() => new Date()),
    emit(events: DomainEvent[]) {
      const onEvent = options.hooks?.onEvent;
      if (!onEvent) return;
      // One after the other, in the order they happened: a transition before the signature it carried.
      // A failing hook is reported and the next event still goes out.
      void events.reduce(
        (previous, event) =>
          previous.then(() =>
            Promise.resolve()
              .then(() => onEvent(event))
              .catch((error) => options.hooks?.onError?.(error, new Request('http://hook.invalid/'))),
          ),
        Promise.resolve(),
      );
    },
  };
  const openapi: QmsHandler['openapi'] = ({ extraRoutes = [], ...rest } = {}) =>
    generateOpenApi([...contract.routes, ...extraRoutes], rest);

  /** The kit's public routes: only the API description, which needs nothing but the contract. */
  function answerPublic(route: RouteDefinition): Response {
    if (route.kind !== 'openapi') throw problems.notFound();
    // Below a known base path the document says so, or its paths would name the wrong URLs.
    return jsonResponse(openapi(options.basePath ? { serverUrl: options.basePath } : {}));
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    try {
      const path = pathWithin(url, options.basePath);
      if (path === null) throw problems.notFound();
      const { match, allowed } = matchRoute(compiled, request.method, path);
      if (!match) throw allowed.length > 0 ? problems.methodNotAllowed(allowed) : problems.notFound();
      // The contract says which routes need no sign-in; the host's `authenticate` never sees those.
      if (match.route.public) return answerPublic(match.route);
      const handler = handlers[match.route.kind];
      if (!handler) throw problems.notFound();
      const principal = await options.authenticate(request);
      if (!principal) throw problems.unauthenticated();
      const context: RequestContext = {
        kit,
        request,
        url,
        principal,
        route: match.route,
        params: match.params,
        source: (options.source ?? defaultSource)(request),
      };
      return await handler(context);
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return problemResponse(problem.problem, url.pathname);
      options.hooks?.onError?.(error, request);
      return problemResponse(internalProblem, url.pathname);
    }
  }

  return Object.assign(handle, {
    contract,
    registry,
    openapi,
    auditCheckpointer: kit.auditCheckpointer,
    resumeAuditVerifications: () => resumeAuditVerifications(options.storage.db, kit.auditCheckpointer),
    runExportJob: (exportId: string) => runExportJob(kit, exportId),
    runImportJob: (importId: string, runOptions?: { signal?: AbortSignal }) =>
      runImportJob(kit, importId, runOptions),
    runImportJobs: () => resumeImportJobs(kit),
    runExportJobs: async () => {
      const ran = await resumeExportJobs(kit);
      const purged = await purgeExpiredExports(kit);
      return { ran, purgedFiles: purged.files };
    },
  });
}
