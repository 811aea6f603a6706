// The LIMS's own users, roles and password check: nothing here is Masetra's. A real host reads
// its user table; this one keeps three people in memory, with argon2id hashes made on first use.
import { hash, verify } from '@node-rs/argon2';

export type LabRole = 'analyst' | 'qa_manager' | 'lab_viewer';

export interface LabUser {
  id: string;
  email: string;
  name: string;
  labRole: LabRole;
}

/** Every example user's password (README). */
export const EXAMPLE_PASSWORD = 'Lab-host-1';

/** The LIMS's one site, as a Masetra organization: its records are seen by nobody else. */
export const LAB_ORG_ID = 'northwind-lab';

/** How the LIMS's roles map to Masetra's: the host decides, the kit enforces. */
export const masetraRoles: Record<LabRole, string[]> = {
  analyst: ['originator', 'investigator'],
  qa_manager: ['qa_reviewer', 'qa_approver'],
  lab_viewer: ['viewer'],
};

const people: LabUser[] = [
  { id: 'u-ana', email: 'ana@northwind.example', name: 'Ana Lima', labRole: 'analyst' },
  { id: 'u-quinn', email: 'quinn@northwind.example', name: 'Quinn Okafor', labRole: 'qa_manager' },
  { id: 'u-vera', email: 'vera@northwind.example', name: 'Vera Holt', labRole: 'lab_viewer' },
];
let hashes: Promise<Map<string, string>> | undefined;

/** Who is who, for the screens' "Owner" and audit-trail names. */
export function labDirectory(): Record<string, string> {
  return Object.fromEntries(people.map(({ id, name }) => [id, name]));
}

export function labUser(id: string | undefined): LabUser | undefined {
  return people.find((user) => user.id === id);
}

/** The user whose e-mail and password these are, or undefined. */
export async function checkPassword(email: string, password: string): Promise<LabUser | undefined> {
  hashes ??= Promise.all(people.map(async (user) => [user.id, await hash(EXAMPLE_PASSWORD)] as const)).then(
    (entries) => new Map(entries),
  );
  const user = people.find((candidate) => candidate.email === email.trim().toLowerCase());
  const stored = user && (await hashes).get(user.id);
  return stored && (await verify(stored, password)) ? user : undefined;
}
