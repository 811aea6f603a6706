// Sign-in with the reference server's own login, the password change it may ask for first, and
// "Forgot password?", which has the server e-mail a single-use link to the server's /setup page.
import { isNetworkError, isProblemError } from '@masetra/client';
import { OTP_PATTERN } from '@masetra/core';
import { type FormEvent, useId, useState } from 'react';
import { Page } from '../routing/Page';
import { qms, session } from '../session/api';
import { TextField } from '../shell/TextField';
import { SsoSignIn } from '../sso/SsoSignIn';
import { useAccountMessages } from './AccountPage.messages';

const demoAccounts = [
  { email: 'originator@acme.example', roles: 'originator' },
  { email: 'investigator@acme.example', roles: 'investigator' },
  { email: 'qa@acme.example', roles: 'QA reviewer and approver' },
  { email: 'doccontrol@acme.example', roles: 'document controller' },
  { email: 'auditor@acme.example', roles: 'auditor' },
  { email: 'viewer@acme.example', roles: 'viewer' },
  { email: 'admin@acme.example', roles: 'administrator' },
  { email: 'qa@globex.example', roles: 'QA, another organization' },
];
const DEMO_PASSWORD = 'Masetra-demo-1';

function messageOf(error: unknown): string {
  if (isNetworkError(error))
    return 'The server could not be reached. Check that it is running and try again.';
  if (isProblemError(error)) return error.detail ?? error.title;
  return 'Signing in failed unexpectedly. Try again.';
}

type Step =
  | { kind: 'credentials' }
  | { kind: 'otp' }
  | { kind: 'change-password'; why: string }
  | { kind: 'forgot' }
  | { kind: 'forgot-sent' };

const titles: Record<Step['kind'], string> = {
  credentials: 'Sign in',
  otp: 'Sign in',
  'change-password': 'Choose a new password',
  forgot: 'Forgot password',
  'forgot-sent': 'Check your e-mail',
};

export function SignInPage() {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  // A lost authenticator: one of the account's single-use recovery codes instead of the app's code.
  const [recoveryCode, setRecoveryCode] = useState<string | undefined>(undefined);
  const { t } = useAccountMessages();
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (step.kind === 'change-password' && newPassword !== confirmation) {
      setError('The new password and its confirmation differ.');
      return;
    }
    setBusy(true);
    try {
      if (step.kind === 'forgot') {
        // The same answer whether or not the address has an account.
        await qms.auth.forgotPassword({ email });
        setStep({ kind: 'forgot-sent' });
      } else if (step.kind === 'change-password') {
        await session.changePassword({ email, currentPassword: password, newPassword });
      } else {
        await session.signIn({
          email,
          password,
          ...(recoveryCode !== undefined ? { recoveryCode } : otp ? { otp } : {}),
        });
      }
    } catch (failure) {
      const code = isProblemError(failure) ? failure.code : undefined;
      if (code === 'otp_required') setStep({ kind: 'otp' });
      else if (code === 'password_change_required' || code === 'password_expired') {
        setStep({ kind: 'change-password', why: messageOf(failure) });
      } else setError(messageOf(failure));
      if (code === 'otp_required' && step.kind === 'otp') setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const chooseAccount = (account: string) => {
    setEmail(account);
    setPassword(DEMO_PASSWORD);
    setStep({ kind: 'credentials' });
    setError(undefined);
  };

  return (
    <div className="demo-sign-in">
      <main id="main" className="demo-sign-in__panel">
        <p className="demo-brand" aria-hidden="true">
          Masetra QMS
        </p>
        <Page title={titles[step.kind]}>
          {step.kind === 'forgot-sent' ? (
            <div className="demo-form">
              <p role="status">
                If an account uses {email}, it was e-mailed a link to choose a new password. The link works
                once, for 30 minutes.
              </p>
              <p className="demo-hint">
                This demo sends no real mail: open the <a href="/mailbox">dev mailbox</a> to see it.
              </p>
              <button
                type="button"
                className="masetra-button"
                onClick={() => setStep({ kind: 'credentials' })}
              >
                Back to sign-in
              </button>
            </div>
          ) : (
            <form
              className="demo-form"
              onSubmit={submit}
              noValidate
              aria-describedby={error ? `${id}-error` : undefined}
            >
              {step.kind === 'change-password' ? <p>{step.why}</p> : null}
              <TextField
                id={`${id}-email`}
                label="E-mail"
                type="email"
                autoComplete="username"
                required
                value={email}
                onValue={setEmail}
              />
              {step.kind === 'forgot' ? (
                <p className="demo-hint">We will e-mail you a single-use link to choose a new password.</p>
              ) : (
                <TextField
                  id={`${id}-password`}
                  label={step.kind === 'change-password' ? 'Current password' : 'Password'}
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onValue={setPassword}
                />
              )}
              {step.kind === 'otp' && recoveryCode === undefined ? (
                <TextField
                  id={`${id}-otp`}
                  label="One-time code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern={OTP_PATTERN.source}
                  required
                  value={otp}
                  onValue={setOtp}
                />
              ) : null}
              {step.kind === 'otp' && recoveryCode !== undefined ? (
                <TextField
                  id={`${id}-recovery`}
                  label={t.signInRecoveryCode}
                  hint={t.signInRecoveryHint}
                  autoComplete="off"
                  required
                  value={recoveryCode}
                  onValue={setRecoveryCode}
                />
              ) : null}
              {step.kind === 'otp' ? (
                <button
                  type="button"
                  className="demo-link-button"
                  onClick={() => {
                    setError(undefined);
                    setRecoveryCode(recoveryCode === undefined ? '' : undefined);
                  }}
                >
                  {recoveryCode === undefined ? t.signInUseRecoveryCode : t.signInUseAppCode}
                </button>
              ) : null}
              {step.kind === 'change-password' ? (
                <>
                  <TextField
                    id={`${id}-new`}
                    label="New password"
                    type="password"
                    autoComplete="new-password"
                    required
                    value={newPassword}
                    onValue={setNewPassword}
                  />
                  <TextField
                    id={`${id}-confirm`}
                    label="Repeat the new password"
                    type="password"
                    autoComplete="new-password"
                    required
                    value={confirmation}
                    onValue={setConfirmation}
                  />
                </>
              ) : null}
              {error ? (
                <p id={`${id}-error`} role="alert" className="demo-error">
                  {error}
                </p>
              ) : null}
              <button type="submit" className="masetra-button" data-variant="primary" disabled={busy}>
                {step.kind === 'forgot'
                  ? 'Send link'
                  : step.kind === 'change-password'
                    ? 'Change password and sign in'
                    : busy
                      ? 'Signing in…'
                      : 'Sign in'}
              </button>
              {step.kind === 'forgot' ? (
                <button
                  type="button"
                  className="demo-link-button"
                  onClick={() => setStep({ kind: 'credentials' })}
                >
                  Back to sign-in
                </button>
              ) : (
                <button
                  type="button"
                  className="demo-link-button"
                  onClick={() => {
                    setError(undefined);
                    setStep({ kind: 'forgot' });
                  }}
                >
                  Forgot password?
                </button>
              )}
            </form>
          )}
        </Page>
        {step.kind === 'credentials' ? <SsoSignIn email={email} emailFieldId={`${id}-email`} /> : null}
      </main>
      <aside className="demo-sign-in__accounts" aria-labelledby={`${id}-accounts`}>
        <h2 id={`${id}-accounts`}>Demo accounts</h2>
        <p>
          Every account's password is <code>{DEMO_PASSWORD}</code>.
        </p>
        <ul>
          {demoAccounts.map((account) => (
            <li key={account.email}>
              <button type="button" className="demo-link-button" onClick={() => chooseAccount(account.email)}>
                {account.email}
              </button>{' '}
              <span className="demo-muted">{account.roles}</span>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
