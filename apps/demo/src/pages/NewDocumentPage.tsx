// A new controlled document: its kind first (the kind gives its number), then its fields.
import type { DocumentKind, RecordBase } from '@masetra/core';
import { RecordForm, useQms } from '@masetra/react';
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Page } from '../routing/Page';
import { useDocumentPageMessages } from './documentPages.messages';
import { type RecordSection, recordPath } from './recordSections';
import { useDocumentKinds } from './useDocumentKinds';

/** `other` remains only for documents made before kinds were required. */
const choosable = (kind: DocumentKind) => kind !== 'other';

export function NewDocumentPage({ section }: { section: RecordSection }) {
  const navigate = useNavigate();
  const { labels } = useQms();
  const t = useDocumentPageMessages();
  const id = useId();
  const kinds = useDocumentKinds();
  const [picked, setPicked] = useState<DocumentKind | undefined>(undefined);
  const [kind, setKind] = useState<DocumentKind | undefined>(undefined);
  const settings = (kinds.data ?? []).filter((setting) => choosable(setting.kind));
  const example = (chosen: DocumentKind) =>
    `${settings.find((setting) => setting.kind === chosen)?.prefix ?? '…'}-0001`;

  const choose = (event: FormEvent) => {
    event.preventDefault();
    if (picked) setKind(picked);
  };

  return (
    <Page title={section.newLabel}>
      {kind ? (
        <>
          <p className="demo-hint">
            <span>{t.kindChosen(labels.value(kind), example(kind))}</span>{' '}
            <button type="button" className="masetra-button" onClick={() => setKind(undefined)}>
              {t.changeKind}
            </button>
          </p>
          <RecordForm
            recordType={section.recordType}
            title={null}
            defaults={{ documentKind: kind }}
            onSaved={(record) => navigate(recordPath(record as RecordBase), { replace: true })}
            onCancel={() => navigate(`/${section.collection}`)}
          />
        </>
      ) : kinds.isPending ? (
        <p role="status">{t.loading}</p>
      ) : (
        <section className="demo-card" aria-labelledby={`${id}-legend`}>
          <form className="demo-form" onSubmit={choose}>
            <fieldset className="demo-choices">
              <legend id={`${id}-legend`}>{t.kindLegend}</legend>
              <p className="demo-hint">{t.kindHint}</p>
              {settings.map((setting) => (
                <div key={setting.kind} className="demo-check">
                  <input
                    id={`${id}-${setting.kind}`}
                    type="radio"
                    name={`${id}-kind`}
                    value={setting.kind}
                    checked={picked === setting.kind}
                    aria-describedby={`${id}-${setting.kind}-hint`}
                    onChange={() => setPicked(setting.kind)}
                  />
                  <label htmlFor={`${id}-${setting.kind}`}>{labels.value(setting.kind)}</label>
                  <p id={`${id}-${setting.kind}-hint`} className="demo-hint">
                    {t.numbered(`${setting.prefix}-0001`)}
                  </p>
                </div>
              ))}
            </fieldset>
            <div>
              <button type="submit" className="masetra-button" data-variant="primary" disabled={!picked}>
                {t.continue}
              </button>
            </div>
          </form>
        </section>
      )}
    </Page>
  );
}
