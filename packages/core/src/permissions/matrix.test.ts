import { describe, expect, it } from 'vitest';
import { recordTypes } from '../registry/recordTypes';
import { permissionMatrix } from './matrix';
import { organizationPermissions } from './organizationPermissions';
import { defaultRoleNames } from './roles';

const builtIn = Object.values(recordTypes);

describe('the permission matrix', () => {
  it.each(builtIn)('holds $name’s row as the record type itself grants it', (recordType) => {
    expect(permissionMatrix[recordType.name]).toBe(recordType.permissions);
  });

  it.each(builtIn)('grants each event $name’s machine has, and no event it lacks', (recordType) => {
    // The event names are also a type: together with this, the type equals the machine's events.
    expect(Object.keys(recordType.permissions.events).sort()).toEqual([...recordType.events].sort());
  });

  it('holds the organization’s own row', () => {
    expect(permissionMatrix.organization).toBe(organizationPermissions);
  });

  it('names only the default roles', () => {
    const { organization, ...recordRows } = permissionMatrix;
    const granted = [
      ...Object.values(organization).flat(),
      ...Object.values(recordRows).flatMap(({ events, ...actions }) => [
        ...Object.values(actions).flat(),
        ...Object.values(events).flat(),
      ]),
    ];
    expect(granted.filter((role) => !(defaultRoleNames as readonly string[]).includes(role))).toEqual([]);
  });
});
