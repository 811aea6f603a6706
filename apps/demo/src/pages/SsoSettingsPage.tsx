// Single sign-on settings (admin role): the organization's OpenID Connect provider. The client
// secret is written, never read back (the server answers only whether one is set); every change
// is an access-rights change in the audit trail, with the reason given here.
import { isProblemError } from '@masetra/client';
import { defaultRoleNames } from '@masetra/core';
import type { SsoSettings } from '@masetra/core/auth';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Page } from '../routing/Page';
import { TextField } from '../shell/TextField';
import { ssoApi } from '../sso/ssoApi';

interface Draft {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  roleClaim: string;
  mapping: string;
  jitProvisioning: boolean;
  enabled: boolean;
  reason: string;
}

const emptyDraft: Draft = {
  displayName: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  domains: '',
  roleClaim: 'groups',
  mapping: '',
  jitProvisioning: true,
  enabled: true,
  reason: '',
};

function draftOf(settings: SsoSettings): Draft {
  return {
    displayName: settings.displayName,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: '',
    domains: settings.allowedDomains.join(', '),
    roleClaim: settings.roleClaim,
    mapping: settings.roleMapping.map((rule) => `${rule.value} = ${rule.roles.join(', ')}`).join('\n'),
    jitProvisioning: settings.jitProvisioning,
    enabled: settings.enabled,
    reason: '',
  };
}

/** `value = role, role` per line; blank lines are ignored. Null with the line that does not read. */
function parseMapping(text: string): { value: string; roles: string[] }[] | { error: string } {
  const rules: { value: string; roles: string[] }[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const [value, roles] = line.split('=');
    const names = (roles ?? '')
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean);
    if (!value?.trim() || names.length === 0)
      return { error: `Line ${index + 1} of the role mapping does not read as "claim value = role, role".` };
    const unknown = names.filter((role) => !(defaultRoleNames as readonly string[]).includes(role));
    if (unknown.length > 0) return { error: `Line ${index + 1} names unknown roles: ${unknown.join(', ')}.` };
    rules.push({ value: value.trim(), roles: names });
  }
  return rules;
}

function messageOf(error: unknown): string {
  if (isProblemError(error)) {
    const fields = error.errors.map((issue) => `${issue.pointer ?? ''} ${issue.detail}`.trim()).join(' ');
    return [error.detail ?? error.title, fields].filter(Boolean).join(' ');
  }
  return 'The request failed. Try again.';
}

export function SsoSettingsPage() {
  const id = useId();
  const [settings, setSettings] = useState<SsoSettings | null | undefined>(undefined);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // What the administrator has typed is theirs: a load that answers late never overwrites it.
  const edited = useRef(false);
  useEffect(() => {
    ssoApi.settings().then(
      ({ provider }) => {
        setSettings(provider);
        if (!edited.current) setDraft(provider ? draftOf(provider) : emptyDraft);
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, []);

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      edited.current = true;
      setSaved(false);
      setDraft((current) => ({ ...current, [key]: value }));
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    const roleMapping = parseMapping(draft.mapping);
    if ('error' in roleMapping) {
      setError(roleMapping.error);
      return;
    }
    setBusy(true);
    try {
      const next = await ssoApi.saveSettings({
        protocol: 'oidc',
        displayName: draft.displayName,
        issuer: draft.issuer,
        clientId: draft.clientId,
        ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
        allowedDomains: draft.domains
          .split(/[\s,]+/)
          .map((domain) => domain.trim())
          .filter(Boolean),
        roleClaim: draft.roleClaim,
        roleMapping,
        jitProvisioning: draft.jitProvisioning,
        enabled: draft.enabled,
        ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
      });
      setSettings(next);
      setDraft(draftOf(next));
      setSaved(true);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const redirectUri = settings?.redirectUri ?? `${window.location.origin}/sso/callback`;

  return (
    <Page title="Single sign-on">
      <p>
        People of your organization sign in through its OpenID Connect identity provider, and re-authenticate
        there to sign records. Register this application at the provider with the redirect URI{' '}
        <code>{redirectUri}</code>.
      </p>
      {settings === undefined && !error ? <p role="status">Loading…</p> : null}
      {settings !== undefined || error ? (
        <form
          className="demo-form demo-form--settings"
          onSubmit={submit}
          noValidate
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <TextField
            id={`${id}-name`}
            label="Provider name"
            hint="Shown on the sign-in page and in the signature dialog."
            required
            value={draft.displayName}
            onValue={set('displayName')}
          />
          <TextField
            id={`${id}-issuer`}
            label="Issuer URL"
            type="url"
            hint="Its discovery document is at /.well-known/openid-configuration below it; https only."
            required
            value={draft.issuer}
            onValue={set('issuer')}
          />
          <TextField
            id={`${id}-client`}
            label="Client ID"
            required
            value={draft.clientId}
            onValue={set('clientId')}
          />
          <TextField
            id={`${id}-secret`}
            label="Client secret"
            type="password"
            autoComplete="off"
            hint={
              settings?.clientSecretSet
                ? 'Set. It is stored encrypted and never shown; type a new one only to replace it.'
                : 'Stored encrypted and never shown again.'
            }
            required={!settings?.clientSecretSet}
            value={draft.clientSecret}
            onValue={set('clientSecret')}
          />
          <TextField
            id={`${id}-domains`}
            label="Allowed e-mail domains"
            hint="Comma-separated, e.g. example.com. Only these addresses sign in (and are created) through the provider."
            required
            value={draft.domains}
            onValue={set('domains')}
          />
          <TextField
            id={`${id}-claim`}
            label="Role claim"
            hint="The ID token claim whose values map to roles, e.g. groups."
            required
            value={draft.roleClaim}
            onValue={set('roleClaim')}
          />
          <div className="demo-field">
            <label htmlFor={`${id}-mapping`}>Role mapping</label>
            <textarea
              id={`${id}-mapping`}
              rows={4}
              aria-describedby={`${id}-mapping-hint`}
              value={draft.mapping}
              onChange={(event) => set('mapping')(event.target.value)}
            />
            <p id={`${id}-mapping-hint`} className="demo-hint">
              One rule per line: <code>claim value = role, role</code>, e.g.{' '}
              <code>qa = qa_reviewer, qa_approver</code>. Roles: {defaultRoleNames.join(', ')}. Applied when a
              user is created at first sign-in.
            </p>
          </div>
          <div className="demo-check">
            <input
              id={`${id}-jit`}
              type="checkbox"
              checked={draft.jitProvisioning}
              onChange={(event) => set('jitProvisioning')(event.target.checked)}
            />
            <label htmlFor={`${id}-jit`}>Create users at their first sign-in (just in time)</label>
          </div>
          <div className="demo-check">
            <input
              id={`${id}-enabled`}
              type="checkbox"
              checked={draft.enabled}
              onChange={(event) => set('enabled')(event.target.checked)}
            />
            <label htmlFor={`${id}-enabled`}>Single sign-on enabled</label>
          </div>
          <div className="demo-field">
            <label htmlFor={`${id}-reason`}>Reason for the change</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              aria-describedby={`${id}-reason-hint`}
              value={draft.reason}
              onChange={(event) => set('reason')(event.target.value)}
            />
            <p id={`${id}-reason-hint`} className="demo-hint">
              Kept in the audit trail with your name and the time.
            </p>
          </div>
          {error ? (
            <p id={`${id}-error`} role="alert" className="demo-error">
              {error}
            </p>
          ) : null}
          <p role="status" className="demo-hint">
            {saved ? 'Saved. The change is recorded in the audit trail.' : ''}
          </p>
          <div>
            <button type="submit" className="masetra-button" data-variant="primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>{' '}
            {settings ? <Link to="/audit-trail">Audit trail</Link> : null}
          </div>
        </form>
      ) : null}
    </Page>
  );
}
