import { hostname, userInfo } from 'node:os';
import { authRoutes } from '@masetra/core/auth';
import type { Storage } from '@masetra/server-kit';
import { createAuthService } from '../auth';
import { createUserAdministration, type SetupLinkIssued } from '../users/createUserAdministration';
import { createUserDirectory } from '../users/userDirectory';
import { commandLineActor } from '../users/userTrail';

/** A refusal of the command line: printed as it is, exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export interface CommandContext {
  /** Migrated storage of the deployment. */
  storage: Storage;
  jwtSecret: Uint8Array;
  /** Where people reach the server: the set-up link starts with it. */
  publicUrl: string;
}

// The contract's own rules for an e-mail and a printed name; the route always has its body.
const fields = authRoutes.createUser.body!.shape;

function parsed<T>(
  schema: { safeParse(value: unknown): { success: boolean; data?: T } },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CommandError(`${what} is not valid.`);
  return result.data as T;
}

/** The operator at this terminal, for the audit trail: who ran the command, where. */
function commandSource() {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the host name still says where.
  }
  return { client: 'masetra command line', osUser: user, host: hostname() };
}

function services({ storage, jwtSecret }: CommandContext) {
  const auth = createAuthService({ db: storage.db, jwtSecret });
  const users = createUserDirectory(storage.db);
  return { users, administration: createUserAdministration({ db: storage.db, auth, users }) };
}

/** The single-use link a person opens to choose their own password; the token rides after `#`, so no server log sees it. */
export function setupLinkOf(publicUrl: string, token: string): string {
  return `${publicUrl}/setup#token=${token}`;
}

function describeLink(issued: SetupLinkIssued, publicUrl: string): string {
  return [
    `Send this single-use set-up link to ${issued.user.email}; it expires at ${issued.expiresAt.toISOString()}:`,
    '',
    `  ${setupLinkOf(publicUrl, issued.token)}`,
    '',
    'With it they choose their own password; nobody else ever learns it.',
  ].join('\n');
}

/**
 * `masetra create-org --name "Acme Pharma" --admin-email qa-admin@acme.example`: a real
 * deployment's first organization and administrator, who sets up their own password through
 * the printed link. Prints no password: none exists until the administrator chooses one.
 */
export async function createOrganizationCommand(
  context: CommandContext,
  options: { name?: string; adminEmail?: string; adminName?: string },
): Promise<string> {
  if (!options.name?.trim()) throw new CommandError('--name is required: the organization’s name.');
  if (!options.adminEmail)
    throw new CommandError('--admin-email is required: its first administrator’s e-mail.');
  const name = options.name.trim();
  const adminEmail = parsed<string>(fields.email, options.adminEmail, '--admin-email');
  // The printed name of the administrator's signatures; they may correct it later.
  const adminName = parsed<string>(
    fields.displayName,
    options.adminName ?? adminEmail.split('@')[0],
    '--admin-name',
  );
  const { users, administration } = services(context);
  if (await users.organizationByName(name)) throw new CommandError(`An organization named "${name}" exists.`);
  if (await users.findUserByEmail(adminEmail))
    throw new CommandError(`A user with the e-mail ${adminEmail} exists.`);
  const issued = await administration.createOrganization({
    name,
    adminEmail,
    adminName,
    actor: commandLineActor,
    source: commandSource(),
  });
  return [
    `Created the organization "${issued.organization.name}" and its administrator ${issued.user.email}.`,
    describeLink(issued, context.publicUrl),
  ].join('\n');
}

/** `masetra setup-link --email …`: a new set-up link, for a user whose link expired or who never set up. */
export async function setupLinkCommand(
  context: CommandContext,
  options: { email?: string },
): Promise<string> {
  if (!options.email) throw new CommandError('--email is required.');
  const email = parsed<string>(fields.email, options.email, '--email');
  const { users, administration } = services(context);
  const user = await users.findUserByEmail(email);
  if (!user) throw new CommandError(`No user has the e-mail ${email}.`);
  if (!user.active)
    throw new CommandError(`${email} is deactivated; an administrator must reactivate them first.`);
  const issued = await administration.issueSetupLink(
    { actor: commandLineActor, source: commandSource(), reason: 'Set-up link issued at the command line' },
    user,
  );
  return describeLink(issued, context.publicUrl);
}
