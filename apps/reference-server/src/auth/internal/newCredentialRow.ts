/** A person's first credential row: a password, nothing failed or locked, no authenticator yet. */
export function newCredentialRow(
  userId: string,
  passwordHash: string,
  now: Date,
  mustChangePassword: boolean,
) {
  return {
    user_id: userId,
    password_hash: passwordHash,
    password_changed_at: now,
    password_history: JSON.stringify([]),
    must_change_password: mustChangePassword,
    failed_attempts: 0,
    locked_until: null,
    totp_secret: null,
    totp_confirmed_at: null,
    totp_pending_secret: null,
    totp_last_time_step: null,
  };
}
