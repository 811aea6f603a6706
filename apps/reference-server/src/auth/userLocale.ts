/**
 * The language each user chose for their e-mails and screens (`auth_user_preferences`). A user
 * without a choice has none: the mail falls back to the server's default, the demo to the browser's.
 */
import { localeSchema, type SupportedLocale } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { AuthDatabase } from './authDatabase';

/** Any Kysely over a schema that holds the preferences table (the host's, the users module's, a transaction). */
type PreferencesDb = Kysely<Pick<AuthDatabase, 'auth_user_preferences'>>;

const asPreferencesDb = (db: unknown) => db as PreferencesDb;

/** A stored value as a supported locale; anything else (a language dropped later) counts as none. */
function parsedLocale(value: string | undefined): SupportedLocale | undefined {
  const parsed = localeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The chosen languages of `userIds`; users without a choice are absent from the map. */
export async function localesOf(
  db: unknown,
  userIds: readonly string[],
): Promise<Map<string, SupportedLocale>> {
  const map = new Map<string, SupportedLocale>();
  if (userIds.length === 0) return map;
  const rows = await asPreferencesDb(db)
    .selectFrom('auth_user_preferences')
    .select(['user_id', 'locale'])
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const row of rows) {
    const locale = parsedLocale(row.locale);
    if (locale) map.set(row.user_id, locale);
  }
  return map;
}

/** One user's chosen language, if any. */
export async function localeOf(db: unknown, userId: string): Promise<SupportedLocale | undefined> {
  return (await localesOf(db, [userId])).get(userId);
}

/** Records a user's language in `db` (the caller's transaction, when the change belongs to a larger one). */
export async function setLocale(
  db: unknown,
  userId: string,
  locale: SupportedLocale,
  at = new Date(),
): Promise<void> {
  await asPreferencesDb(db)
    .insertInto('auth_user_preferences')
    .values({ user_id: userId, locale, updated_at: at })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ locale, updated_at: at }))
    .execute();
}
