// Who must be trained (administrators): for each document kind, the roles given a training task
// when one of its versions takes effect, and the days they have. Saved with a reason; the server
// keeps each change in the audit trail.
import { isProblemError } from '@masetra/client';
import { type DocumentKind, documentKinds, type TrainingKindSetting } from '@masetra/core';
import { useQms } from '@masetra/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Page } from '../routing/Page';
import { qms } from '../session/api';
import { RoleCheckboxes } from '../shell/RoleCheckboxes';
import { type FormStatus, StatusLine } from '../shell/StatusLine';
import { TextField } from '../shell/TextField';
import { problemText } from './AccountPage.api';
import { useTrainingSettingsMessages } from './trainingSettings.messages';

const settingsKey = ['demo', 'training-kind-settings'] as const;
/** The kinds a new document can have (`other` stays only for documents of earlier versions). */
const settableKinds = documentKinds.filter((kind) => kind !== 'other');
const DEFAULT_DUE_DAYS = 30;

export function TrainingSettingsPage() {
  const t = useTrainingSettingsMessages();
  const id = useId();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => qms.training.kindSettings() });
  const byKind = new Map((settings.data?.items ?? []).map((setting) => [setting.documentKind, setting]));
  return (
    <Page title={t.title}>
      <section className="demo-card" aria-labelledby={`${id}-intro`}>
        <p id={`${id}-intro`} className="demo-hint">
          {t.intro}
        </p>
        {settings.isPending ? <p role="status">{t.loading}</p> : null}
        {settings.isError ? (
          <p role="alert" className="demo-error">
            {isProblemError(settings.error)
              ? (settings.error.detail ?? settings.error.title)
              : String(settings.error)}
          </p>
        ) : null}
      </section>
      {settings.data
        ? settableKinds.map((kind) => <KindTrainingForm key={kind} kind={kind} setting={byKind.get(kind)} />)
        : null}
    </Page>
  );
}

function KindTrainingForm({
  kind,
  setting,
}: {
  kind: DocumentKind;
  setting: TrainingKindSetting | undefined;
}) {
  const t = useTrainingSettingsMessages();
  const { labels, format, userName } = useQms();
  const queryClient = useQueryClient();
  const id = useId();
  const kindLabel = labels.value(kind);
  const [roles, setRoles] = useState<string[]>(setting?.roles ?? []);
  const [dueDays, setDueDays] = useState(String(setting?.dueDays ?? DEFAULT_DUE_DAYS));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<FormStatus>(undefined);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(undefined);
    try {
      await qms.training.setKindSetting(kind, {
        roles,
        // The people a kind names by id stay as they are; this page chooses roles.
        userIds: setting?.userIds ?? [],
        dueDays: Number(dueDays),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setReason('');
      setStatus({ kind: 'info', text: t.saved(kindLabel) });
      await queryClient.invalidateQueries({ queryKey: settingsKey });
    } catch (failure) {
      setStatus({ kind: 'error', text: problemText(failure, String(failure)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="demo-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{kindLabel}</h2>
      <p className="demo-hint">
        {setting?.updatedAt
          ? `${t.changed}: ${format.dateTime(setting.updatedAt)}${setting.updatedBy ? ` · ${userName(setting.updatedBy)}` : ''}`
          : t.neverSet}
      </p>
      <form className="demo-form" onSubmit={save}>
        <RoleCheckboxes legend={t.rolesLegend(kindLabel)} roles={roles} onChange={setRoles} />
        <div className="demo-form demo-form--grid">
          <TextField
            id={`${id}-days`}
            label={t.dueDaysLabel}
            type="number"
            value={dueDays}
            onValue={setDueDays}
            required
          />
          <TextField id={`${id}-reason`} label={t.reasonLabel} value={reason} onValue={setReason} />
        </div>
        <div>
          <button type="submit" className="masetra-button" data-variant="primary" disabled={busy}>
            {t.save}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
