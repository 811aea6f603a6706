import { parseArgs } from 'node:util';
import { builtInRegistry } from '@masetra/core';
import { migrateAuth } from '../auth';
import { ConfigError, loadConfig } from '../config';
import { createStorageFromConfig } from '../createStorageFromConfig';
import { claimEmbeddedDatabase } from '../embeddedDatabaseLock';
import { CommandError, createOrganizationCommand, setupLinkCommand } from './createOrganizationCommand';

export const usage = `Usage: masetra <command> [options]

Commands:
  create-org --name <organization> --admin-email <e-mail> [--admin-name <printed name>]
      Creates an organization and its first administrator, and prints the single-use link
      with which the administrator chooses their own password.
  setup-link --email <e-mail>
      Prints a new single-use set-up link for a user (the earlier one stops working).

The database is the server's: DATABASE_URL, or the embedded one in MASETRA_DATA_DIR (stop the
server first). Links start with MASETRA_PUBLIC_URL (default http://localhost:$PORT).`;

export interface CliOutput {
  write(text: string): void;
}

/** Runs one command against the deployment's database; returns the exit code. */
export async function runCli(
  argv: readonly string[],
  { env, stdout, stderr }: { env: NodeJS.ProcessEnv; stdout: CliOutput; stderr: CliOutput },
): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    stdout.write(`${usage}\n`);
    return command ? 0 : 1;
  }
  try {
    const { values } = parseArgs({
      args: [...rest],
      options: {
        name: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        email: { type: 'string' },
      },
      strict: true,
    });
    if (command !== 'create-org' && command !== 'setup-link')
      throw new CommandError(`Unknown command ${command}.\n\n${usage}`);
    // Seeding is the server's business; this command needs only the database and the links' address.
    const config = loadConfig({ ...env, MASETRA_SEED: '' });
    const release = config.databaseUrl ? () => {} : claimEmbeddedDatabase(config.dataDir);
    const storage = createStorageFromConfig(config);
    try {
      await storage.migrate(builtInRegistry, { hostMigrations: migrateAuth });
      const context = { storage, jwtSecret: config.jwtSecret, publicUrl: config.publicUrl };
      const output =
        command === 'create-org'
          ? await createOrganizationCommand(context, {
              name: values.name,
              adminEmail: values['admin-email'],
              adminName: values['admin-name'],
            })
          : await setupLinkCommand(context, { email: values.email });
      stdout.write(`${output}\n`);
      return 0;
    } finally {
      await storage.close();
      release();
    }
  } catch (error) {
    if (error instanceof CommandError || error instanceof ConfigError) {
      stderr.write(`masetra: ${error.message}\n`);
      return 1;
    }
    // parseArgs refuses unknown or malformed options with a TypeError carrying a readable message.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      stderr.write(`masetra: ${(error as Error).message}\n\n${usage}\n`);
      return 1;
    }
    throw error;
  }
}
