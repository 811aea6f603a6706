import { createClient } from '@masetra/client';
import { createFakeQmsServer, FIXTURE_BASE_URL, fixturePrincipal } from '@masetra/fixtures';
import { render, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de';
import { RecordTable } from '../table/RecordTable';
import { QmsProvider } from './QmsProvider';
import { useQms } from './useQms';

const client = createClient({ baseUrl: FIXTURE_BASE_URL, fetch: createFakeQmsServer().fetch, retry: 0 });

describe('QmsProvider', () => {
  it('renders a themed root with the theme’s variables', () => {
    const { container } = render(
      <QmsProvider
        client={client}
        theme={{ name: 'brand', variables: { '--masetra-color-primary': '#7a1fa2' } }}
        className="host-shell"
      >
        <p>content</p>
      </QmsProvider>,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.className).toBe('masetra-root host-shell');
    expect(root.getAttribute('data-masetra-theme')).toBe('brand');
    expect(root.style.getPropertyValue('--masetra-color-primary')).toBe('#7a1fa2');
    expect(root.getAttribute('lang')).toBe('en');
  });

  it('renders no masetra- class in unstyled mode, only the host’s', async () => {
    const { container } = render(
      <QmsProvider client={client} unstyled>
        <RecordTable recordType="deviation" className="host-table" classNames={{ row: 'host-row' }} />
      </QmsProvider>,
    );
    await waitFor(() => expect(container.querySelectorAll('.host-row').length).toBeGreaterThan(0));
    expect(container.querySelector('[class*="masetra-"]')).toBeNull();
    // The host's class on the table's root, which holds the rows.
    expect(container.querySelector('.host-table')?.contains(container.querySelector('.host-row'))).toBe(true);
  });

  it('provides the catalog, the formatters and the principal', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QmsProvider
        client={client}
        locale="de-DE"
        messages={de}
        principal={fixturePrincipal('dana')}
        timeZone="UTC"
      >
        {children}
      </QmsProvider>
    );
    const { result } = renderHook(() => useQms(), { wrapper });
    expect(result.current.t('common.cancel')).toBe('Abbrechen');
    expect(result.current.labels.state('in_approval')).toBe('In Freigabe');
    // A host's own record type reads as its identifier, humanized.
    expect(result.current.labels.state('awaiting_qp_release')).toBe('Awaiting qp release');
    expect(result.current.format.dateTime('2026-03-10T14:03:00.000Z')).toBe('10.03.2026, 14:03');
    expect(result.current.format.number(1234.5)).toBe('1.234,5');
    expect(result.current.principal?.displayName).toBe('Dana Reyes');
  });

  it('takes single overrides on top of English', () => {
    const { container } = render(
      <QmsProvider client={client} messages={{ 'table.empty': 'Keine Treffer — try another search.' }}>
        <Probe />
      </QmsProvider>,
    );
    expect(container.textContent).toBe('Keine Treffer — try another search. / Cancel');
  });

  it('is required by the hooks', () => {
    expect(() => renderHook(() => useQms())).toThrow(/inside <QmsProvider>/);
  });
});

function Probe() {
  const { t } = useQms();
  return <p>{`${t('table.empty')} / ${t('common.cancel')}`}</p>;
}
