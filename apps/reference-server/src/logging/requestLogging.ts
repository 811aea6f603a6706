import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { redactUrl } from './redactSecrets';

interface SerializedRequest {
  url?: string;
  query?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * One log line per request (not the health probe's). `logger` must come from `redactSecrets`,
 * which takes the credentials out of the headers; the URL is cleaned here.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    serializers: {
      req: (req: SerializedRequest) => {
        const url = req.url === undefined ? undefined : redactUrl(req.url);
        const { query: _query, ...rest } = req;
        return { ...rest, url };
      },
    },
  });
}
