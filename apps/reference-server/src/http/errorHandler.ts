import type { ErrorRequestHandler } from 'express';
import { isAuthError } from '../auth';
import { HostProblemError, sendProblem } from './sendProblem';

/**
 * The last middleware: every error becomes problem+json. Bad input is a 4xx with the cause;
 * anything unexpected is a 500 that says nothing about the internals, and is logged.
 */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  if (res.headersSent) return;
  if (error instanceof HostProblemError) return sendProblem(res, error.problem);
  if (isAuthError(error)) {
    return sendProblem(res, { status: error.status, title: error.message, code: error.code });
  }
  const status =
    (error as { status?: number; statusCode?: number }).status ??
    (error as { statusCode?: number }).statusCode;
  const type = (error as { type?: string }).type;
  if (type === 'entity.parse.failed')
    return sendProblem(res, {
      status: 400,
      title: 'Malformed request',
      detail: 'The body is not valid JSON.',
    });
  if (type === 'entity.too.large') return sendProblem(res, { status: 413, title: 'Payload too large' });
  if (status && status >= 400 && status < 500) return sendProblem(res, { status, title: 'Bad request' });
  req.log?.error({ err: error }, 'unhandled error');
  sendProblem(res, {
    status: 500,
    title: 'Internal error',
    detail: 'The server could not complete the request; nothing was changed.',
  });
};
