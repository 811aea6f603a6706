import type { AuthDb } from '../authDatabase';

/** A user together with their credentials: what every credential check reads. */
export interface Account {
  userId: string;
  orgId: string;
  email: string;
  displayName: string;
  active: boolean;
  passwordHash: string;
  passwordChangedAt: Date;
  passwordHistory: string[];
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  totpSecret: string | null;
  totpLastTimeStep: number | null;
}

/** E-mails are stored lower-cased by server-kit; a user may type theirs in any case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function selectAccounts(db: AuthDb) {
  return db
    .selectFrom('users')
    .innerJoin('auth_credentials', 'auth_credentials.user_id', 'users.id')
    .select([
      'users.id as userId',
      'users.org_id as orgId',
      'users.email',
      'users.display_name as displayName',
      'users.active',
      'auth_credentials.password_hash as passwordHash',
      'auth_credentials.password_changed_at as passwordChangedAt',
      'auth_credentials.password_history as passwordHistory',
      'auth_credentials.must_change_password as mustChangePassword',
      'auth_credentials.locked_until as lockedUntil',
      'auth_credentials.totp_secret as totpSecret',
      'auth_credentials.totp_last_time_step as totpLastTimeStep',
    ]);
}

export async function findAccountByEmail(db: AuthDb, email: string): Promise<Account | undefined> {
  return selectAccounts(db).where('users.email', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function findAccountById(db: AuthDb, userId: string): Promise<Account | undefined> {
  return selectAccounts(db).where('users.id', '=', userId).executeTakeFirst();
}

export async function rolesOf(db: AuthDb, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((row) => row.role);
}
