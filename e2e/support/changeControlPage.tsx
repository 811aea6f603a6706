// The page of the host-record-type browser test, bundled by esbuild: a host's own record type
// (change control) on @masetra/react's generic record page, with the host's own section.
import { createClient } from '@masetra/client';
import { type ChangeControl, hostRegistry } from '@masetra/fixtures';
import {
  QmsProvider,
  type QmsThemeName,
  RecordDetail,
  type RecordViewSectionProps,
  type RecordViews,
} from '@masetra/react';
import '@masetra/react/styles.css';
import { createRoot } from 'react-dom/client';

/** The host's own section: how the change is classified and why it is made. */
function ImpactAssessment({ record }: RecordViewSectionProps) {
  const change = record as unknown as ChangeControl;
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.5rem 1.5rem', margin: 0 }}>
      <dt style={{ fontWeight: 600 }}>Risk class</dt>
      <dd style={{ margin: 0 }} data-risk={change.riskClass}>
        {change.riskClass ?? 'not yet classified'}
      </dd>
      <dt style={{ fontWeight: 600 }}>Justification</dt>
      <dd style={{ margin: 0 }}>{change.justification ?? '—'}</dd>
    </dl>
  );
}

const views: RecordViews = {
  change_control: {
    sections: [{ id: 'impact', label: 'changeControl.impact', component: ImpactAssessment }],
  },
};

const params = new URLSearchParams(location.search);
// The test server's `authenticate` reads the bearer token as the user id.
const client = createClient({
  baseUrl: `${location.origin}/qms`,
  registry: hostRegistry,
  getToken: () => 'olivia',
  retry: 0,
});

createRoot(document.getElementById('root')!).render(
  <QmsProvider
    client={client}
    registry={hostRegistry}
    principal={{ userId: 'olivia', displayName: 'Olivia Originator', roles: ['originator'] }}
    theme={(params.get('theme') ?? 'light') as QmsThemeName}
    timeZone="UTC"
    views={views}
    messages={{ 'changeControl.impact': 'Impact assessment', 'type.change_control': 'Change control' }}
    className="host-root"
  >
    <main style={{ maxWidth: '72rem', margin: '0 auto', padding: '1.5rem' }}>
      <RecordDetail recordType="change_control" id={params.get('id') ?? ''} />
    </main>
  </QmsProvider>,
);
