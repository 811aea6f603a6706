// The measured page: @masetra/react's RecordTable of deviations, on the reference server's API.
import { createClient } from '@masetra/client';
import { QmsProvider, RecordTable } from '@masetra/react';
import '@masetra/react/styles.css';
import { createRoot } from 'react-dom/client';

const { token } = window.benchUi;
const client = createClient({ baseUrl: `${location.origin}/api/v1`, getToken: () => token });

createRoot(document.getElementById('root')).render(
  <QmsProvider client={client} locale="en-GB" timeZone="UTC">
    <RecordTable recordType="deviation" height={600} classNames={{ scroller: 'bench-scroller' }} />
  </QmsProvider>,
);
