/** The default roles of an organization. A host may add its own and grant them in its record types. */
export const defaultRoles = {
  viewer: 'Reads every record; changes nothing.',
  originator: 'Raises deviations and drafts documents.',
  investigator: 'Investigates deviations and carries out CAPAs.',
  qa_reviewer: 'Assesses and reviews quality records.',
  qa_approver: 'Approves quality records with an electronic signature.',
  document_controller: 'Runs controlled documents through their lifecycle.',
  auditor: 'Plans and performs audits and records findings.',
  admin: 'Administers users, roles and organizations; holds no quality authority.',
} as const;

export type DefaultRole = keyof typeof defaultRoles;
export const defaultRoleNames = Object.keys(defaultRoles) as DefaultRole[];
