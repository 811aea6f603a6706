import type { Principal } from '../entities/principal';
import type { RecordType } from '../record-type/defineRecordType';
import { type OrganizationAction, organizationPermissions } from './organizationPermissions';
import type { RecordAction } from './recordPermissions';

const nobody: readonly string[] = [];

// Own properties only: an event named `constructor` must not reach Object.prototype.
function rolesFor(recordType: Pick<RecordType, 'permissions'>, action: RecordAction): readonly string[] {
  if (typeof action !== 'object') return recordType.permissions[action];
  const { events } = recordType.permissions;
  return Object.hasOwn(events, action.event) ? (events[action.event] ?? nobody) : nobody;
}

function organizationRoles(action: OrganizationAction): readonly string[] {
  return Object.hasOwn(organizationPermissions, action) ? organizationPermissions[action] : nobody;
}

/**
 * May this principal do this now? The one answer to that question: the server asks it before
 * every read, change, transition and signature and before organization-wide work such as
 * reviewing the audit trail (21 CFR 11.10(d), (g)); the screens ask it to decide what to offer.
 * Lifecycle rules (state, owner, required fields) are the machine's, not this function's.
 *
 * @example
 * can(principal, recordTypes.deviation, { event: 'APPROVE' });
 * can(principal, 'reviewAuditTrail');
 */
export function can(principal: Pick<Principal, 'roles'>, action: OrganizationAction): boolean;
export function can(
  principal: Pick<Principal, 'roles'>,
  recordType: Pick<RecordType, 'permissions'>,
  action: RecordAction,
): boolean;
export function can(
  principal: Pick<Principal, 'roles'>,
  subject: OrganizationAction | Pick<RecordType, 'permissions'>,
  action?: RecordAction,
): boolean {
  let allowed = nobody;
  if (typeof subject === 'string') allowed = organizationRoles(subject);
  else if (action !== undefined) allowed = rolesFor(subject, action);
  return principal.roles.some((role) => allowed.includes(role));
}
