import { problems } from './problems';

/**
 * The version an `If-Match` names. Accepts `"3"`, `W/"3"` and a bare `3`; a missing header
 * is a 428 so that no client can write without saying which version it read.
 */
export function expectedVersion(request: Request): number {
  const header = request.headers.get('if-match');
  if (!header) throw problems.ifMatchRequired();
  const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(header);
  if (!match) throw problems.malformed('If-Match must be the ETag of a record version.');
  return Number(match[1]);
}

export function assertCurrent(expected: number, current: number): void {
  if (expected !== current) throw problems.stale(current);
}
