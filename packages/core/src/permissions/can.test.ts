import { describe, expect, it } from 'vitest';
import { recordTypes } from '../registry/recordTypes';
import { can } from './can';
import type { organizationPermissions } from './organizationPermissions';
import { defaultRoleNames } from './roles';

const holding = (...roles: string[]) => ({ roles });

describe('can, for the organization', () => {
  it('lets QA, auditors and admins review and export the audit trail, and nobody else', () => {
    for (const action of ['reviewAuditTrail', 'exportAuditTrail'] as const) {
      const allowed = defaultRoleNames.filter((role) => can(holding(role), action));
      expect(allowed.sort(), action).toEqual(['admin', 'auditor', 'qa_approver', 'qa_reviewer']);
    }
  });

  it('lets only admins administer users', () => {
    expect(defaultRoleNames.filter((role) => can(holding(role), 'administerUsers'))).toEqual(['admin']);
  });

  it('grants an organization action to any one of several roles, and nothing to no role', () => {
    expect(can(holding('viewer', 'auditor'), 'reviewAuditTrail')).toBe(true);
    expect(can(holding(), 'reviewAuditTrail')).toBe(false);
  });

  it('grants nothing for an action it does not know, even one named like a property of every object', () => {
    // A JavaScript caller, or a string from a request, is not held to the type.
    for (const action of ['toString', 'constructor', 'exportEverything']) {
      expect(can(holding(...defaultRoleNames), action as keyof typeof organizationPermissions)).toBe(false);
    }
  });
});

describe('can, for a record', () => {
  it('answers data actions and events from the record type’s own permissions', () => {
    expect(can(holding('viewer'), recordTypes.deviation, 'read')).toBe(true);
    expect(can(holding('viewer'), recordTypes.deviation, 'update')).toBe(false);
    expect(can(holding('qa_approver'), recordTypes.deviation, { event: 'APPROVE' })).toBe(true);
    expect(can(holding('qa_reviewer'), recordTypes.deviation, { event: 'APPROVE' })).toBe(false);
  });

  it('grants no event the lifecycle does not have, including inherited property names', () => {
    for (const event of ['PUBLISH', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(can(holding(...defaultRoleNames), recordTypes.deviation, { event }), event).toBe(false);
    }
  });

  it('gives no administrator a quality authority', () => {
    for (const recordType of Object.values(recordTypes)) {
      for (const event of recordType.events) {
        expect(can(holding('admin'), recordType, { event }), `${recordType.name} ${event}`).toBe(false);
      }
    }
  });
});
