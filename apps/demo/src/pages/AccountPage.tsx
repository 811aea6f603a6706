// The signed-in user's own account: their authenticator (set up with a QR code, confirmed with a
// code, ten single-use recovery codes; removed with password and code) and their sessions (each
// signed out on its own, or all others at once). Reached by everyone; a user whose organization
// requires an authenticator is brought here first (AppShell).
import { supportedLocales } from '@masetra/core';
import type { AccountSession } from '@masetra/core/auth';
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Page } from '../routing/Page';
import { session } from '../session/api';
import { browserLanguage } from '../session/language';
import { useSession } from '../session/useSession';
import { type FormStatus, StatusLine } from '../shell/StatusLine';
import { TextField } from '../shell/TextField';
import { accountApi, problemText } from './AccountPage.api';
import {
  type AccountMessages,
  accountMessages,
  languageNames,
  useAccountMessages,
} from './AccountPage.messages';

type Status = FormStatus;

/** A heading that takes focus when it appears, so keyboard and screen-reader users land on the new step. */
function StepHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h3 ref={heading} tabIndex={-1}>
      {children}
    </h3>
  );
}

function RecoveryCodes({ codes, t, onDone }: { codes: string[]; t: AccountMessages; onDone: () => void }) {
  return (
    <div className="demo-form">
      <StepHeading>{t.recoveryHeading}</StepHeading>
      <p className="demo-hint">{t.recoveryHint}</p>
      <ol className="demo-recovery-codes" aria-label={t.recoveryHeading}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className="masetra-button" data-variant="primary" onClick={onDone}>
          {t.recoveryDone}
        </button>
      </div>
    </div>
  );
}

type AuthenticatorStep =
  | { kind: 'status' }
  | { kind: 'password' }
  | { kind: 'scan'; secret: string; qrCode: string }
  | { kind: 'codes'; codes: string[]; after: string };

function AuthenticatorSection({ t }: { t: AccountMessages }) {
  const id = useId();
  const [state, setState] = useState<
    { enrolled: boolean; recoveryCodesRemaining: number; required: boolean } | undefined
  >(undefined);
  const [step, setStep] = useState<AuthenticatorStep>({ kind: 'status' });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<Status>(undefined);
  const [busy, setBusy] = useState(false);
  // Where focus goes when a step closes (its heading is gone): the section's own heading.
  const sectionHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setState(await accountApi.authenticator());
    } catch (failure) {
      setStatus({ kind: 'error', text: problemText(failure, t.failed) });
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setStatus(undefined);
    try {
      await action();
    } catch (failure) {
      setStatus({ kind: 'error', text: problemText(failure, t.failed) });
    } finally {
      setBusy(false);
    }
  };

  const begin = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const enrolment = await accountApi.beginTotp(password);
      setPassword('');
      setCode('');
      setStep({ kind: 'scan', secret: enrolment.secret, qrCode: enrolment.qrCode });
    });
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const { recoveryCodes } = await accountApi.confirmTotp(code.replace(/\s/g, ''));
      setCode('');
      setStep({ kind: 'codes', codes: recoveryCodes, after: t.enrolled });
    });
  };

  const remove = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await accountApi.removeAuthenticator(password, code);
      setPassword('');
      setCode('');
      await load();
      // The session's user says whether the account has a second factor: read it again.
      await session.restore();
      setStatus({ kind: 'info', text: t.removed });
      sectionHeading.current?.focus();
    });
  };

  const renew = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const { recoveryCodes } = await accountApi.regenerateRecoveryCodes(password, code);
      setPassword('');
      setCode('');
      setStep({ kind: 'codes', codes: recoveryCodes, after: '' });
    });
  };

  const finish = async (after: string) => {
    setStep({ kind: 'status' });
    sectionHeading.current?.focus();
    await load();
    // Mark the session's user as enrolled (and no longer held at this page by the policy).
    await session.restore();
    if (after) setStatus({ kind: 'info', text: after });
  };

  const passwordField = (
    <TextField
      id={`${id}-password`}
      label={t.password}
      hint={t.passwordHint}
      type="password"
      autoComplete="current-password"
      required
      value={password}
      onValue={setPassword}
    />
  );
  const codeField = (label: string, numeric: boolean) => (
    <TextField
      id={`${id}-code`}
      label={label}
      inputMode={numeric ? 'numeric' : 'text'}
      autoComplete="one-time-code"
      required
      value={code}
      onValue={setCode}
    />
  );

  return (
    <section className="demo-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={sectionHeading} tabIndex={-1}>
        {t.authenticatorHeading}
      </h2>
      {state === undefined && !status ? <p role="status">{t.loading}</p> : null}
      {step.kind === 'status' && state ? (
        <>
          <p>
            {state.enrolled ? t.authenticatorOn(state.recoveryCodesRemaining) : t.authenticatorOff}
            {state.required && !state.enrolled ? ` ${t.authenticatorPolicy}` : null}
          </p>
          {state.enrolled ? (
            <div className="demo-account-forms">
              <form className="demo-form" onSubmit={remove} aria-labelledby={`${id}-remove`}>
                <h3 id={`${id}-remove`}>{t.removeHeading}</h3>
                <p className="demo-hint">{t.removeHint}</p>
                {passwordField}
                {codeField(t.secondFactorCode, false)}
                <div>
                  <button type="submit" className="masetra-button" disabled={busy}>
                    {t.remove}
                  </button>
                </div>
              </form>
              <form className="demo-form" onSubmit={renew} aria-labelledby={`${id}-renew`}>
                <h3 id={`${id}-renew`}>{t.renewHeading}</h3>
                <p className="demo-hint">{t.renewHint}</p>
                <TextField
                  id={`${id}-renew-password`}
                  label={t.password}
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onValue={setPassword}
                />
                <TextField
                  id={`${id}-renew-code`}
                  label={t.secondFactorCode}
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onValue={setCode}
                />
                <div>
                  <button type="submit" className="masetra-button" disabled={busy}>
                    {t.renew}
                  </button>
                </div>
              </form>
            </div>
          ) : (
            <div>
              <button
                type="button"
                className="masetra-button"
                data-variant="primary"
                onClick={() => {
                  setStatus(undefined);
                  setStep({ kind: 'password' });
                }}
              >
                {t.startEnrolment}
              </button>
            </div>
          )}
        </>
      ) : null}
      {step.kind === 'password' ? (
        <form className="demo-form" onSubmit={begin}>
          <StepHeading>{t.startEnrolment}</StepHeading>
          {passwordField}
          <div className="demo-row-actions">
            <button type="submit" className="masetra-button" data-variant="primary" disabled={busy}>
              {t.continue}
            </button>
            <button type="button" className="masetra-button" onClick={() => setStep({ kind: 'status' })}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : null}
      {step.kind === 'scan' ? (
        <form className="demo-form" onSubmit={confirm}>
          <StepHeading>{t.scanHeading}</StepHeading>
          <p className="demo-hint">{t.scanHint}</p>
          <img className="demo-qr" src={step.qrCode} alt={t.qrAlt} width={200} height={200} />
          <dl className="demo-secret-key">
            <dt>{t.secretLabel}</dt>
            <dd>
              <code className="demo-secret" data-testid="totp-secret">
                {step.secret.replace(/(.{4})/g, '$1 ').trim()}
              </code>
            </dd>
          </dl>
          {codeField(t.codeLabel, true)}
          <div className="demo-row-actions">
            <button type="submit" className="masetra-button" data-variant="primary" disabled={busy}>
              {t.confirm}
            </button>
            <button type="button" className="masetra-button" onClick={() => setStep({ kind: 'status' })}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : null}
      {step.kind === 'codes' ? (
        <RecoveryCodes codes={step.codes} t={t} onDone={() => void finish(step.after)} />
      ) : null}
      <StatusLine status={status} />
    </section>
  );
}

function SessionsSection({ t, formatTime }: { t: AccountMessages; formatTime: (iso: string) => string }) {
  const id = useId();
  const [sessions, setSessions] = useState<AccountSession[] | undefined>(undefined);
  const [status, setStatus] = useState<Status>(undefined);
  const othersButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setSessions((await accountApi.sessions()).items);
    } catch (failure) {
      setStatus({ kind: 'error', text: problemText(failure, t.failed) });
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<string>) => {
    setStatus(undefined);
    try {
      const done = await action();
      await load();
      setStatus({ kind: 'info', text: done });
      // The row with the button is gone: keep focus in the section, on what is left to do.
      othersButton.current?.focus();
    } catch (failure) {
      setStatus({ kind: 'error', text: problemText(failure, t.failed) });
    }
  };

  const others = sessions?.filter((listed) => !listed.current) ?? [];

  return (
    <section className="demo-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.sessionsHeading}</h2>
      <p className="demo-hint">{t.sessionsHint}</p>
      {sessions === undefined && !status ? <p role="status">{t.loading}</p> : null}
      {sessions ? (
        <div className="demo-table-scroll">
          <table className="demo-table">
            <caption className="demo-visually-hidden">{t.sessionsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.device}</th>
                <th scope="col">{t.address}</th>
                <th scope="col">{t.started}</th>
                <th scope="col">{t.lastUsed}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map(({ device: named, ...listed }) => {
                const device = named ?? t.unknownDevice;
                return (
                  <tr key={listed.id}>
                    <th scope="row">{device}</th>
                    <td>{listed.address ?? t.unknownAddress}</td>
                    <td>{formatTime(listed.startedAt)}</td>
                    <td>{formatTime(listed.lastUsedAt)}</td>
                    <td>
                      {listed.current ? (
                        <strong>{t.thisSession}</strong>
                      ) : (
                        <button
                          type="button"
                          className="masetra-button"
                          aria-label={t.signOutSessionLabel(device, formatTime(listed.startedAt))}
                          onClick={() =>
                            void run(async () => {
                              await accountApi.revokeSession(listed.id);
                              return t.sessionEnded(device);
                            })
                          }
                        >
                          {t.signOutSession}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <div>
        <button
          ref={othersButton}
          type="button"
          className="masetra-button"
          aria-describedby={others.length === 0 && sessions ? `${id}-none` : undefined}
          onClick={() =>
            void run(async () => {
              const { revoked } = await accountApi.revokeOtherSessions();
              return revoked === 0 ? t.noOtherSessions : t.othersEnded(revoked);
            })
          }
        >
          {t.signOutOthers}
        </button>
      </div>
      {others.length === 0 && sessions ? (
        <p id={`${id}-none`} className="demo-hint">
          {t.noOtherSessions}
        </p>
      ) : null}
      <StatusLine status={status} />
    </section>
  );
}

/** The language of the user's e-mails and of these screens, kept by the server. */
function LanguageSection({ t }: { t: AccountMessages }) {
  const id = useId();
  const { user } = useSession();
  const [choice, setChoice] = useState<'en' | 'de'>(user?.locale ?? browserLanguage());
  const [status, setStatus] = useState<Status>(undefined);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(undefined);
    try {
      const { locale } = await accountApi.setLocale(choice);
      session.updateUser({ locale });
      // Read from the messages of the language just chosen: the page now speaks it.
      setStatus({ kind: 'info', text: accountMessages[locale].languageSaved });
    } catch (failure) {
      setStatus({ kind: 'error', text: problemText(failure, t.languageHeading) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="demo-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.languageHeading}</h2>
      <form className="demo-form" onSubmit={save}>
        <label htmlFor={`${id}-locale`}>{t.languageLabel}</label>
        <select
          id={`${id}-locale`}
          aria-describedby={`${id}-hint`}
          value={choice}
          onChange={(event) => setChoice(event.target.value as 'en' | 'de')}
        >
          {supportedLocales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {languageNames[locale]}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="demo-hint">
          {t.languageHint}
        </p>
        <div>
          <button type="submit" className="masetra-button" data-variant="primary" disabled={busy}>
            {t.languageSave}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}

export function AccountPage() {
  const { user } = useSession();
  const { t, formatTime } = useAccountMessages();
  return (
    <Page title={t.accountTitle}>
      {user?.mfaEnrolmentRequired ? (
        <p className="demo-notice" role="note">
          {t.enrolmentRequired}
        </p>
      ) : null}
      <AuthenticatorSection t={t} />
      <SessionsSection t={t} formatTime={formatTime} />
      <LanguageSection t={t} />
    </Page>
  );
}
