// Document numbering (administrators): the number prefix of each document kind. A new prefix
// numbers documents created from then on; the server keeps the numbers already given.
import { isProblemError } from '@masetra/client';
import type { DocumentKind, DocumentKindSetting } from '@masetra/core';
import { useQms } from '@masetra/react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Page } from '../routing/Page';
import { qms } from '../session/api';
import { type FormStatus, StatusLine } from '../shell/StatusLine';
import { TextField } from '../shell/TextField';
import { problemText } from './AccountPage.api';
import { useDocumentPageMessages } from './documentPages.messages';
import { documentKindsKey, useDocumentKinds } from './useDocumentKinds';

export function DocumentKindsPage() {
  const t = useDocumentPageMessages();
  const id = useId();
  const kinds = useDocumentKinds();
  return (
    <Page title={t.numberingTitle}>
      <section className="demo-card" aria-labelledby={`${id}-intro`}>
        <p id={`${id}-intro`} className="demo-hint">
          {t.numberingIntro}
        </p>
        {kinds.isPending ? <p role="status">{t.loading}</p> : null}
        {kinds.isError ? (
          <p role="alert" className="demo-error">
            {isProblemError(kinds.error) ? (kinds.error.detail ?? kinds.error.title) : String(kinds.error)}
          </p>
        ) : null}
      </section>
      {(kinds.data ?? []).map((setting) => (
        <KindPrefixForm key={setting.kind} setting={setting} />
      ))}
    </Page>
  );
}

function KindPrefixForm({ setting }: { setting: DocumentKindSetting }) {
  const t = useDocumentPageMessages();
  const { labels, format, userName } = useQms();
  const queryClient = useQueryClient();
  const id = useId();
  const kindLabel = labels.value(setting.kind);
  const [prefix, setPrefix] = useState(setting.prefix);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<FormStatus>(undefined);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(undefined);
    try {
      const saved = await qms.documents.setKindPrefix(setting.kind as DocumentKind, {
        prefix: prefix.trim(),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setReason('');
      setStatus({ kind: 'info', text: t.saved(kindLabel, saved.prefix) });
      await queryClient.invalidateQueries({ queryKey: documentKindsKey });
    } catch (failure) {
      setStatus({ kind: 'error', text: problemText(failure, String(failure)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="demo-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {kindLabel}
        {setting.custom ? null : <span className="demo-muted"> ({t.defaultPrefix})</span>}
      </h2>
      {setting.updatedAt ? (
        <p className="demo-hint">
          {t.changedColumn}: {format.dateTime(setting.updatedAt)}
          {setting.updatedBy ? ` · ${userName(setting.updatedBy)}` : ''}
        </p>
      ) : null}
      <form className="demo-form" onSubmit={save}>
        <div className="demo-form demo-form--grid">
          <TextField
            id={`${id}-prefix`}
            label={t.prefixLabel(kindLabel)}
            hint={t.prefixHint}
            value={prefix}
            onValue={(value) => setPrefix(value.toUpperCase())}
            required
            maxLength={10}
            autoComplete="off"
          />
          <TextField id={`${id}-reason`} label={t.reasonLabel} value={reason} onValue={setReason} />
        </div>
        <div>
          <button
            type="submit"
            className="masetra-button"
            data-variant="primary"
            disabled={busy || prefix.trim() === setting.prefix}
          >
            {t.save}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
