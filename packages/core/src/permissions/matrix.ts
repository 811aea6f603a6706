import { auditPermissions } from '../audit/permissions';
import { capaPermissions } from '../capa/permissions';
import { deviationPermissions } from '../deviation/permissions';
import { documentPermissions } from '../document/permissions';
import { findingPermissions } from '../finding/permissions';
import { organizationPermissions } from './organizationPermissions';

/**
 * The built-in permission matrix, role × action, in one view: the organization's own row
 * (audit-trail review, user administration) and each built-in record type's row, which lives
 * beside that type's schema and machine. `can` is the one function that answers from it.
 */
export const permissionMatrix = {
  organization: organizationPermissions,
  deviation: deviationPermissions,
  capa: capaPermissions,
  document: documentPermissions,
  audit: auditPermissions,
  finding: findingPermissions,
};
