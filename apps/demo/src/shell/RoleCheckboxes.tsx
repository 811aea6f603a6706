// The roles of the permission matrix as checkboxes: whom a user is given (Users page), whom a kind
// of document must train (training settings). Each role's description is its title.
import { defaultRoleNames, defaultRoles } from '@masetra/core';
import { useId } from 'react';

/** A role's name as people read it: `qa_approver` is "qa approver". */
export const roleLabel = (role: string) => role.replaceAll('_', ' ');

export function RoleCheckboxes({
  legend,
  roles,
  onChange,
}: {
  legend: string;
  roles: readonly string[];
  onChange: (roles: string[]) => void;
}) {
  const id = useId();
  return (
    <fieldset className="demo-roles">
      <legend>{legend}</legend>
      {defaultRoleNames.map((role) => (
        <div key={role} className="demo-check">
          <input
            id={`${id}-${role}`}
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(event) =>
              onChange(event.target.checked ? [...roles, role] : roles.filter((held) => held !== role))
            }
          />
          <label htmlFor={`${id}-${role}`} title={defaultRoles[role]}>
            {roleLabel(role)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
