// @vitest-environment node
// Server rendering: no window, no document. The provider and the table must render anyway.
import { createClient } from '@masetra/client';
import {
  createFakeQmsServer,
  FIXTURE_BASE_URL,
  fixtureDeviations,
  fixturePrincipal,
} from '@masetra/fixtures';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  AuditTrailTimeline,
  Dashboard,
  de,
  LifecycleActionBar,
  NotificationsList,
  QmsProvider,
  RecordDetail,
  RecordForm,
  RecordTable,
} from './index';

const client = createClient({ baseUrl: FIXTURE_BASE_URL, fetch: createFakeQmsServer().fetch });

describe('server rendering', () => {
  it('renders the provider and a record table without a DOM', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <QmsProvider client={client} principal={fixturePrincipal('dana')} theme="dark">
        <RecordTable recordType="deviation" />
      </QmsProvider>,
    );
    expect(html).toContain('class="masetra-root"');
    expect(html).toContain('data-masetra-theme="dark"');
    expect(html).toContain('aria-label="Deviations"');
    expect(html).toContain('Loading…');
  });

  it('renders every screen without a DOM, in German too', () => {
    const html = renderToString(
      <QmsProvider client={client} principal={fixturePrincipal('oliver')} locale="de-DE" messages={de}>
        <RecordDetail recordType="deviation" id={fixtureDeviations.in_approval.id} />
        <LifecycleActionBar recordType="deviation" record={fixtureDeviations.in_approval} />
        <RecordForm recordType="deviation" record={fixtureDeviations.in_assessment} />
        <AuditTrailTimeline recordType="deviation" id={fixtureDeviations.in_approval.id} />
        <Dashboard now="2026-04-15T12:00:00.000Z" />
        <NotificationsList />
      </QmsProvider>,
    );
    expect(html).toContain('Freigeben');
    expect(html).toContain('Begründung der Änderung');
  });
});
