// The organization's security settings (administrators): whether an authenticator app is
// required of everyone, of the roles that sign, or of no one. Users it newly covers set one up
// at their next sign-in, before anything else.
import type { SecurityPolicy } from '@masetra/core/auth';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Page } from '../routing/Page';
import { type FormStatus, StatusLine } from '../shell/StatusLine';
import { TextField } from '../shell/TextField';
import { accountApi, problemText } from './AccountPage.api';
import { useAccountMessages } from './AccountPage.messages';

type Requirement = SecurityPolicy['mfaRequired'];

export function SecuritySettingsPage() {
  const id = useId();
  const { t, formatTime } = useAccountMessages();
  const [policy, setPolicy] = useState<SecurityPolicy | undefined>(undefined);
  const [choice, setChoice] = useState<Requirement>('off');
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<FormStatus>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    accountApi
      .securityPolicy()
      .then((loaded) => {
        setPolicy(loaded);
        setChoice(loaded.mfaRequired);
      })
      .catch((failure: unknown) => setStatus({ kind: 'error', text: problemText(failure, t.failed) }));
  }, [t]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(undefined);
    try {
      const saved = await accountApi.setSecurityPolicy(choice, reason.trim() || undefined);
      setPolicy(saved);
      setReason('');
      setStatus({ kind: 'info', text: t.saved });
    } catch (failure) {
      setStatus({ kind: 'error', text: problemText(failure, t.failed) });
    } finally {
      setBusy(false);
    }
  };

  const roles = policy?.signingRoles.map((role) => role.replaceAll('_', ' ')).join(', ') ?? '';
  const options: { value: Requirement; label: string; hint?: string }[] = [
    { value: 'off', label: t.mfaOff },
    { value: 'signers', label: t.mfaSigners, hint: t.mfaSignersHint(roles) },
    { value: 'everyone', label: t.mfaEveryone },
  ];

  return (
    <Page title={t.securityTitle}>
      <section className="demo-card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t.mfaHeading}</h2>
        {policy === undefined && !status ? <p role="status">{t.loading}</p> : null}
        {policy ? (
          <form className="demo-form" onSubmit={save}>
            <fieldset className="demo-choices">
              <legend>{t.mfaLegend}</legend>
              {options.map((option) => (
                <div key={option.value} className="demo-check">
                  <input
                    id={`${id}-${option.value}`}
                    type="radio"
                    name={`${id}-mfa`}
                    value={option.value}
                    checked={choice === option.value}
                    aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
                    onChange={() => setChoice(option.value)}
                  />
                  <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
                  {option.hint ? (
                    <p id={`${id}-${option.value}-hint`} className="demo-hint">
                      {option.hint}
                    </p>
                  ) : null}
                </div>
              ))}
            </fieldset>
            <p className="demo-hint">{t.mfaExplain}</p>
            <TextField
              id={`${id}-reason`}
              label={t.reason}
              hint={t.reasonHint}
              value={reason}
              onValue={setReason}
            />
            {policy.updatedAt ? (
              <p className="demo-hint">{t.lastChanged(formatTime(policy.updatedAt))}</p>
            ) : null}
            <div>
              <button type="submit" className="masetra-button" data-variant="primary" disabled={busy}>
                {t.save}
              </button>
            </div>
          </form>
        ) : null}
        <StatusLine status={status} />
      </section>
    </Page>
  );
}
