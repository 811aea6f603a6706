import { can, type OrganizationAction, problemFor } from '@masetra/core';
import type { NextFunction, Request, Response } from 'express';
import type { AuthPrincipal, AuthService } from '../auth';
import { sendProblem } from './sendProblem';

declare global {
  namespace Express {
    interface Request {
      /** Set by `requireUser`: who the host route is serving. */
      principal?: AuthPrincipal;
    }
  }
}

/** The bearer token of a web request, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Express middleware for the host's own routes: a valid access token, or a 401. */
export function requireUser(auth: AuthService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req.headers.authorization);
    const principal = token ? await auth.verifyAccessToken(token) : null;
    if (!principal) {
      res.set('www-authenticate', 'Bearer');
      return sendProblem(res, { status: 401, title: 'Authentication required' });
    }
    req.principal = principal;
    next();
  };
}

/** Lets through only a principal the permission matrix grants the organization-level action. */
export function requirePermission(action: OrganizationAction) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.principal || !can(req.principal, action)) {
      return sendProblem(res, problemFor('forbidden', `This needs the permission ${action}.`));
    }
    next();
  };
}
