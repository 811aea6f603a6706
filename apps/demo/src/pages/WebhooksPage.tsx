// Outbound webhooks (administrators): the organization's endpoints, their secrets shown once,
// and each endpoint's deliveries with replay. The server refuses private addresses unless
// MASETRA_WEBHOOKS_ALLOW_PRIVATE=true (the demo on one machine).
import { WebhookSettings } from '@masetra/react';
import { Page } from '../routing/Page';

/** `/settings/webhooks`: the heading is the same word in English and German. */
export function WebhooksPage() {
  return (
    <Page title="Webhooks">
      <WebhookSettings title="Endpoints" />
    </Page>
  );
}
