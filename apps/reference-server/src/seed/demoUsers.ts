/** Printed in the README: every demo account's password. Demo data only. */
export const DEMO_PASSWORD = 'Masetra-demo-1';

export const demoOrganizations = {
  acme: 'Acme Pharma',
  globex: 'Globex Labs',
} as const;

/** One user per role in Acme, one QA user in Globex (to show tenant isolation). */
export const demoUsers = [
  {
    key: 'originator',
    org: 'acme',
    email: 'originator@acme.example',
    displayName: 'Olivia Martin',
    roles: ['originator'],
  },
  {
    key: 'investigator',
    org: 'acme',
    email: 'investigator@acme.example',
    displayName: 'Ivan Novak',
    roles: ['investigator'],
  },
  {
    key: 'qa',
    org: 'acme',
    email: 'qa@acme.example',
    displayName: 'Quinn Adler',
    roles: ['qa_reviewer', 'qa_approver'],
  },
  {
    // A document's author, reviewer and approver are three people: Rosa reviews what Quinn approves.
    key: 'reviewer',
    org: 'acme',
    email: 'reviewer@acme.example',
    displayName: 'Rosa Berger',
    roles: ['qa_reviewer'],
  },
  {
    key: 'doccontrol',
    org: 'acme',
    email: 'doccontrol@acme.example',
    displayName: 'Dana Reyes',
    roles: ['document_controller'],
  },
  {
    key: 'auditor',
    org: 'acme',
    email: 'auditor@acme.example',
    displayName: 'Arjun Patel',
    roles: ['auditor'],
  },
  { key: 'viewer', org: 'acme', email: 'viewer@acme.example', displayName: 'Vera Lind', roles: ['viewer'] },
  { key: 'admin', org: 'acme', email: 'admin@acme.example', displayName: 'Alex Admin', roles: ['admin'] },
  {
    key: 'globexQa',
    org: 'globex',
    email: 'qa@globex.example',
    displayName: 'Greta Hoffmann',
    roles: ['qa_reviewer', 'qa_approver', 'originator'],
  },
  // Globex's own administrator: its security policy is its own (the browser test of forced MFA
  // enrolment changes it without touching Acme's users, whom the other browser tests sign in as).
  {
    key: 'globexAdmin',
    org: 'globex',
    email: 'admin@globex.example',
    displayName: 'Jonas Weber',
    roles: ['admin'],
  },
] as const;

export type DemoUserKey = (typeof demoUsers)[number]['key'];
