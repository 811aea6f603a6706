// "Sign in with SSO" beside the password form. The person's work e-mail (the sign-in form's own
// field) names, by its domain, the organization whose identity provider signs them in: no list
// of organizations is shown to a stranger. The browser then goes to the provider and comes back
// to /sso/callback.
import { isNetworkError, isProblemError } from '@masetra/client';
import { useId, useState } from 'react';
import { ssoApi } from './ssoApi';

export function SsoSignIn({ email, emailFieldId }: { email: string; emailFieldId: string }) {
  const id = useId();
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setError(undefined);
    if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) {
      setError('Enter your work e-mail above first: its domain names your organization.');
      document.getElementById(emailFieldId)?.focus();
      return;
    }
    setBusy(true);
    try {
      const { authorizationUrl } = await ssoApi.start(email.trim());
      window.location.assign(authorizationUrl);
    } catch (failure) {
      setBusy(false);
      if (isNetworkError(failure)) setError('The server could not be reached. Try again.');
      else if (isProblemError(failure)) setError(failure.detail ?? failure.title);
      else setError('Single sign-on could not start. Try again.');
    }
  };

  return (
    <section className="demo-sso" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="demo-sso__heading">
        Single sign-on
      </h2>
      <p id={`${id}-hint`} className="demo-hint">
        Does your organization sign you in with its identity provider? Enter your work e-mail above and
        continue there.
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="demo-error">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="masetra-button"
        disabled={busy}
        aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
        onClick={start}
      >
        {busy ? 'Going to your identity provider…' : 'Sign in with SSO'}
      </button>
    </section>
  );
}
