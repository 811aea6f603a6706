/** Whom a mail about a user goes to, and in which language: read when it is delivered, not when enqueued. */
import type { Database } from '@masetra/server-kit';
import type { Kysely } from 'kysely';
import { localeOf } from '../auth/userLocale';
import { type MailLocale, mailLocaleOf } from './mailTemplates';

export interface MailRecipient {
  email: string;
  displayName: string;
  active: boolean;
  organizationName: string;
  /** The user's own language, else the server's default (`en` when it has none). */
  locale: MailLocale;
}

/**
 * The user's address, name, organization and language, or null when there is no such user.
 * A language chosen after the mail was enqueued (before its delivery) is the one it is written in.
 */
export async function findMailRecipient(
  db: Kysely<Database>,
  userId: string,
  defaultLocale: string | undefined,
): Promise<MailRecipient | null> {
  const user = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.org_id')
    .select(['users.email', 'users.display_name', 'users.active', 'organizations.name as orgName'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user) return null;
  return {
    email: user.email,
    displayName: user.display_name,
    active: user.active,
    organizationName: user.orgName,
    locale: mailLocaleOf((await localeOf(db, userId)) ?? defaultLocale),
  };
}
