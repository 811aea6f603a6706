import { problemFor } from '@masetra/core';
import type { Request } from 'express';
import type { AuthPrincipal } from '../auth';
import type { AccessChangeRequest, UserAdministration } from '../users/createUserAdministration';
import { type UserDirectory, unknownRoles } from '../users/userDirectory';
import { requestSource } from '../users/userTrail';
import type { AccountRouteId } from './accountHandlers';
import { requirePermission } from './authenticateBearer';
import type { HostRouteHandlers, HostRouteId } from './hostRoutes';
import { HostProblemError } from './sendProblem';

/** User and organization administration: every route of `authRoutes` but `auth.*`. */
export type AdminRouteHandlers = Pick<
  HostRouteHandlers,
  Exclude<HostRouteId, `auth.${string}` | `sso.${string}` | AccountRouteId>
>;

function assertKnownRoles(roles: readonly string[] | undefined): void {
  const unknown = unknownRoles(roles ?? []);
  if (unknown.length > 0) {
    const detail = `Unknown roles: ${unknown.join(', ')}.`;
    throw new HostProblemError(problemFor('validation_failed', detail, [{ pointer: '/roles', detail }]));
  }
}

/** Who changes someone's access, from where, and why: what the audit trail records of it. */
function accessChange(
  principal: AuthPrincipal,
  request: Request,
  reason: string | undefined,
): AccessChangeRequest {
  return {
    actor: { userId: principal.userId, displayName: principal.displayName, orgId: principal.orgId },
    source: requestSource(request),
    reason: reason ?? null,
  };
}

const noSuchUser = () => new HostProblemError({ status: 404, title: 'Not found', detail: 'No such user.' });

/** User administration, for the admin role of the caller's own organization only. */
export function adminHandlers({
  users,
  administration,
}: {
  users: UserDirectory;
  administration: UserAdministration;
}): AdminRouteHandlers {
  const adminOnly = [requirePermission('administerUsers')];
  return {
    'users.list': {
      guards: adminOnly,
      handle: async ({ principal }) => ({ items: await users.listUsers(principal().orgId) }),
    },
    'users.create': {
      guards: adminOnly,
      handle: async ({ body: { reason, ...user }, principal, request }) => {
        assertKnownRoles(user.roles);
        // No password here: the user is e-mailed a link to choose their own (PART11 18).
        return administration.createUser(accessChange(principal(), request, reason), user);
      },
    },
    'users.update': {
      guards: adminOnly,
      handle: async ({ body: { reason, ...changes }, params, principal, request }) => {
        assertKnownRoles(changes.roles);
        // Deactivation ends every session at once (PART11 23).
        const user = await administration.updateUser(
          accessChange(principal(), request, reason),
          params.id,
          changes,
        );
        if (!user) throw noSuchUser();
        return user;
      },
    },
    'users.resetPassword': {
      guards: adminOnly,
      handle: async ({ body: { reason }, params, principal, request }) => {
        // The answer carries neither a password nor the link: only the user's mailbox gets it.
        const reset = await administration.resetPassword(
          accessChange(principal(), request, reason),
          params.id,
        );
        if (!reset) throw noSuchUser();
        return { ok: true };
      },
    },
    'users.resetAuthenticator': {
      guards: adminOnly,
      handle: async ({ body: { reason }, params, principal, request }) => {
        const reset = await administration.resetAuthenticator(
          accessChange(principal(), request, reason),
          params.id,
        );
        if (!reset) throw noSuchUser();
        return { ok: true };
      },
    },
    'organizations.list': {
      guards: adminOnly,
      handle: async ({ principal }) => {
        const organization = await users.organization(principal().orgId);
        return { items: organization ? [organization] : [] };
      },
    },
  };
}
