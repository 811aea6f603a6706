/** The rules of changing someone's access: segregation of duties, and a reason for the powerful roles. */
import { problemFor } from '@masetra/core';
import { HostProblemError } from '../http/sendProblem';

/**
 * Roles whose grant needs a written reason: `qa_approver` signs quality decisions,
 * `admin` decides everyone's access. Their grants are what an inspector asks about.
 */
export const rolesGrantedWithReason: readonly string[] = ['qa_approver', 'admin'];

export interface RoleChange {
  granted: string[];
  revoked: string[];
}

export function roleChangeOf(before: readonly string[], after: readonly string[]): RoleChange {
  return {
    granted: after.filter((role) => !before.includes(role)).sort(),
    revoked: before.filter((role) => !after.includes(role)).sort(),
  };
}

/**
 * Refuses what no administrator may do: change their own roles (they could make themselves
 * an approver; someone else must decide), or grant approval or administration without saying why.
 */
export function assertRoleChangeAllowed(input: {
  actorId: string;
  /** Null for a user being created. */
  userId: string | null;
  change: RoleChange;
  reason: string | null | undefined;
}): void {
  const { change } = input;
  if (input.actorId === input.userId && change.granted.length + change.revoked.length > 0) {
    throw new HostProblemError({
      ...problemFor('forbidden', 'Nobody changes their own roles: another administrator must.'),
      code: 'own_roles',
    });
  }
  const needingReason = change.granted.filter((role) => rolesGrantedWithReason.includes(role));
  if (needingReason.length > 0 && !input.reason?.trim()) {
    throw new HostProblemError({
      ...problemFor('validation_failed', `Granting ${needingReason.join(' and ')} needs a reason.`, [
        { pointer: '/reason', detail: 'Say why this person is given this authority.' },
      ]),
      code: 'reason_required',
    });
  }
}
