import type { Principal } from '../entities/principal';
import type { RecordType } from '../record-type/defineRecordType';
import type { RecordAction } from './recordPermissions';

function rolesFor(recordType: Pick<RecordType, 'permissions'>, action: RecordAction): readonly string[] {
  if (typeof action === 'object') return recordType.permissions.events[action.event] ?? [];
  return recordType.permissions[action];
}

/**
 * May this principal do this to a record of this type now? The one answer to that
 * question: the server asks it before every read, change, transition and signature
 * (21 CFR 11.10(d), (g)), and the screens ask it to decide what to offer.
 * Lifecycle rules (state, owner, required fields) are the machine's, not this function's.
 */
export function can(
  principal: Pick<Principal, 'roles'>,
  recordType: Pick<RecordType, 'permissions'>,
  action: RecordAction,
): boolean {
  const allowed = rolesFor(recordType, action);
  return principal.roles.some((role) => allowed.includes(role));
}
