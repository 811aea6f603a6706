// User administration (admin role): invite users, change roles, deactivate, reset passwords.
// No administrator ever types or sees a password: the server e-mails the person a single-use
// link (in the demo, to the dev mailbox at /mailbox). The reference server's own API, through
// `@masetra/client`.
import { isProblemError } from '@masetra/client';
import { type SupportedLocale, supportedLocales, type User } from '@masetra/core';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { Page } from '../routing/Page';
import { qms } from '../session/api';
import { RoleCheckboxes, roleLabel } from '../shell/RoleCheckboxes';
import { type FormStatus, StatusLine } from '../shell/StatusLine';
import { TextField } from '../shell/TextField';
import { accountApi } from './AccountPage.api';
import { languageNames, useAccountMessages } from './AccountPage.messages';

function messageOf(error: unknown): string {
  if (isProblemError(error)) {
    const fields = error.errors.map((issue) => issue.detail).join(' ');
    return [error.detail ?? error.title, fields].filter(Boolean).join(' ');
  }
  return 'The request failed. Try again.';
}

/** Granting approval or administration needs a reason the trail keeps; elsewhere it is optional. */
const REASON_HINT = 'Required to grant qa approver or admin; kept in the audit trail.';
const reasonOrNothing = (reason: string) => (reason.trim() ? reason.trim() : undefined);

function NewUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>(['viewer']);
  const [locale, setLocale] = useState<'' | SupportedLocale>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const { t } = useAccountMessages();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await qms.users.create({
        email,
        displayName,
        roles,
        ...(locale ? { locale } : {}),
        reason: reasonOrNothing(reason),
      });
      onCreated(user);
      setLocale('');
      setEmail('');
      setDisplayName('');
      setReason('');
      setRoles(['viewer']);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="demo-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a user</h2>
      <form className="demo-form demo-form--grid" onSubmit={submit}>
        <TextField id={`${id}-name`} label="Name" required value={displayName} onValue={setDisplayName} />
        <TextField id={`${id}-email`} label="E-mail" type="email" required value={email} onValue={setEmail} />
        <RoleCheckboxes legend="Roles" roles={roles} onChange={setRoles} />
        <div className="demo-field">
          <label htmlFor={`${id}-locale`}>Language</label>
          <select
            id={`${id}-locale`}
            aria-describedby={`${id}-locale-hint`}
            value={locale}
            onChange={(event) => setLocale(event.target.value as '' | SupportedLocale)}
          >
            <option value="">{t.languageServerDefault}</option>
            {supportedLocales.map((each) => (
              <option key={each} value={each} lang={each}>
                {languageNames[each]}
              </option>
            ))}
          </select>
          <p id={`${id}-locale-hint`} className="demo-hint">
            Their invitation and every later e-mail are written in it.
          </p>
        </div>
        <TextField id={`${id}-reason`} label="Reason" hint={REASON_HINT} value={reason} onValue={setReason} />
        <p className="demo-hint">
          The new user is e-mailed a single-use link to choose their own password; nobody else ever knows it.
        </p>
        {error ? (
          <p role="alert" className="demo-error">
            {error}
          </p>
        ) : null}
        <div>
          <button type="submit" className="masetra-button" data-variant="primary" disabled={busy}>
            Add user
          </button>
        </div>
      </form>
    </section>
  );
}

function UserRow({ user, onChanged }: { user: User; onChanged: (user: User) => void }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [endingSessions, setEndingSessions] = useState(false);
  const [resettingAuthenticator, setResettingAuthenticator] = useState(false);
  const { t } = useAccountMessages();
  const [reason, setReason] = useState('');
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [status, setStatus] = useState<FormStatus>(undefined);

  const run = async (action: () => Promise<void>) => {
    setStatus(undefined);
    try {
      await action();
    } catch (failure) {
      setStatus({ kind: 'error', text: messageOf(failure) });
    }
  };

  const saveRoles = () =>
    run(async () => {
      onChanged(await qms.users.update(user.id, { roles, reason: reasonOrNothing(reason) }));
      setEditing(false);
      setReason('');
      setStatus({ kind: 'info', text: `Roles of ${user.displayName} saved.` });
    });

  const toggleActive = () =>
    run(async () => {
      onChanged(await qms.users.update(user.id, { active: !user.active }));
      setStatus({
        kind: 'info',
        text: `${user.displayName} ${user.active ? 'deactivated' : 'reactivated'}.`,
      });
    });

  const resetPassword = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await qms.users.resetPassword(user.id, { reason: reasonOrNothing(reason) });
      setResetting(false);
      setReason('');
      setStatus({
        kind: 'info',
        text: `${user.displayName} is signed out, and was e-mailed a link to choose a new password (good for 30 minutes).`,
      });
    });
  };

  const resetAuthenticator = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await accountApi.resetAuthenticator(user.id, reasonOrNothing(reason));
      setResettingAuthenticator(false);
      setReason('');
      setStatus({ kind: 'info', text: t.resetAuthenticatorDone(user.displayName) });
    });
  };

  const endSessions = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const { revoked } = await accountApi.revokeUserSessions(user.id, reasonOrNothing(reason));
      setEndingSessions(false);
      setReason('');
      setStatus({ kind: 'info', text: t.sessionsEnded(user.displayName, revoked) });
    });
  };

  return (
    <tr>
      <th scope="row">{user.displayName}</th>
      <td>{user.email}</td>
      <td>
        {editing ? (
          <>
            <RoleCheckboxes legend={`Roles of ${user.displayName}`} roles={roles} onChange={setRoles} />
            <TextField
              id={`${id}-roles-reason`}
              label={`Reason for the change of ${user.displayName}'s roles`}
              hint={REASON_HINT}
              value={reason}
              onValue={setReason}
            />
          </>
        ) : (
          user.roles.map(roleLabel).join(', ')
        )}
      </td>
      <td>{user.active ? 'Active' : 'Deactivated'}</td>
      <td>
        <div className="demo-row-actions" id={`${id}-actions`}>
          {editing ? (
            <>
              <button type="button" className="masetra-button" data-variant="primary" onClick={saveRoles}>
                Save roles
              </button>
              <button type="button" className="masetra-button" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="masetra-button"
              aria-label={`Change roles of ${user.displayName}`}
              onClick={() => setEditing(true)}
            >
              Roles
            </button>
          )}
          <button
            type="button"
            className="masetra-button"
            aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.displayName}`}
            onClick={toggleActive}
          >
            {user.active ? 'Deactivate' : 'Reactivate'}
          </button>
          <button
            type="button"
            className="masetra-button"
            aria-label={`Reset password of ${user.displayName}`}
            aria-expanded={resetting}
            onClick={() => setResetting(!resetting)}
          >
            Reset password
          </button>
          <button
            type="button"
            className="masetra-button"
            aria-label={t.endSessionsLabel(user.displayName)}
            aria-expanded={endingSessions}
            onClick={() => setEndingSessions(!endingSessions)}
          >
            {t.endSessions}
          </button>
          <button
            type="button"
            className="masetra-button"
            aria-label={t.resetAuthenticatorLabel(user.displayName)}
            aria-expanded={resettingAuthenticator}
            onClick={() => setResettingAuthenticator(!resettingAuthenticator)}
          >
            {t.resetAuthenticator}
          </button>
        </div>
        {resettingAuthenticator ? (
          <ReasonForm
            id={`${id}-authenticator-reason`}
            hint={t.resetAuthenticatorHint(user.displayName)}
            label={t.resetAuthenticatorReason(user.displayName)}
            submitLabel={t.resetAuthenticator}
            reason={reason}
            onReason={setReason}
            onSubmit={resetAuthenticator}
          />
        ) : null}
        {endingSessions ? (
          <ReasonForm
            id={`${id}-sessions-reason`}
            hint={t.endSessionsHint(user.displayName)}
            label={t.endSessionsReason(user.displayName)}
            submitLabel={t.endSessionsConfirm}
            reason={reason}
            onReason={setReason}
            onSubmit={endSessions}
          />
        ) : null}
        {resetting ? (
          <ReasonForm
            id={`${id}-reset-reason`}
            hint={`${user.displayName}'s password and sessions end at once; they are e-mailed a single-use link to choose a new one.`}
            label={`Reason for resetting ${user.displayName}'s password`}
            submitLabel="Send reset link"
            reason={reason}
            onReason={setReason}
            onSubmit={resetPassword}
          />
        ) : null}
        <StatusLine status={status} />
      </td>
    </tr>
  );
}

/** An administrator's action on one user that asks why, before it is taken (the reason goes to the trail). */
function ReasonForm(props: {
  id: string;
  hint: string;
  label: string;
  submitLabel: string;
  reason: string;
  onReason: (reason: string) => void;
  onSubmit: (event: FormEvent) => void;
}) {
  return (
    <form className="demo-inline-form" onSubmit={props.onSubmit}>
      <p className="demo-hint">{props.hint}</p>
      <TextField id={props.id} label={props.label} value={props.reason} onValue={props.onReason} />
      <button type="submit" className="masetra-button" data-variant="primary">
        {props.submitLabel}
      </button>
    </form>
  );
}

export function UsersPage() {
  const [users, setUsers] = useState<User[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      setUsers((await qms.users.list()).items);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const replace = (changed: User) =>
    setUsers((current) => current?.map((user) => (user.id === changed.id ? changed : user)));

  return (
    <Page title="Users">
      {error ? (
        <p role="alert" className="demo-error">
          {error}
        </p>
      ) : null}
      {users === undefined && !error ? <p role="status">Loading users…</p> : null}
      {users ? (
        <div className="demo-table-scroll">
          <table className="demo-table">
            <caption className="demo-visually-hidden">Users of the organization</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} onChanged={replace} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <NewUserForm onCreated={(user) => setUsers((current) => [...(current ?? []), user])} />
    </Page>
  );
}
