// The organization's audit trail for periodic review: filter, read, verify the chain, export.
import { type AuditTrailFilters, isProblemError } from '@masetra/client';
import { type AuditTrailEntry, auditActions, builtInRegistry } from '@masetra/core';
import { AuditTrailTimeline, useQms } from '@masetra/react';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { Page } from '../routing/Page';
import { qms } from '../session/api';

const PAGE_SIZE = 25;

interface Filters {
  recordType: string;
  action: string;
  from: string;
  to: string;
}

const noFilters: Filters = { recordType: '', action: '', from: '', to: '' };

function queryOf(filters: Filters): AuditTrailFilters {
  return {
    ...(filters.recordType ? { recordType: filters.recordType } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00Z`).toISOString() } : {}),
    ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999Z`).toISOString() } : {}),
  };
}

function messageOf(error: unknown): string {
  return isProblemError(error) ? (error.detail ?? error.title) : 'The audit trail could not be loaded.';
}

export function AuditTrailPage() {
  const id = useId();
  // Record types and actions in the words the trail itself uses (the SDK's message catalog).
  const { t, labels } = useQms();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [entries, setEntries] = useState<AuditTrailEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | undefined>(undefined);

  const load = useCallback(async (query: AuditTrailFilters, after?: string) => {
    setState('loading');
    try {
      const page = await qms.auditTrail.list({
        ...query,
        limit: PAGE_SIZE,
        ...(after ? { cursor: after } : {}),
      });
      setEntries((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState('ready');
    } catch (failure) {
      setError(messageOf(failure));
      setState('error');
    }
  }, []);

  useEffect(() => {
    void load(queryOf(filters));
  }, [filters, load]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  // The filtered trail as a file: CSV (the verifiable electronic copy), Excel, or PDF to print.
  const download = async (format: 'csv' | 'xlsx' | 'pdf') => {
    const today = new Date().toISOString().slice(0, 10);
    try {
      const query = queryOf(filters);
      const file =
        format === 'csv'
          ? {
              blob: new Blob([await qms.auditTrail.exportCsv(query)], { type: 'text/csv' }),
              fileName: undefined,
            }
          : format === 'xlsx'
            ? await qms.exports.auditTrailXlsx(query)
            : await qms.exports.auditTrailPdf(query);
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName ?? `audit-trail-${today}.${format}`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const field = (name: keyof Filters) => ({
    id: `${id}-${name}`,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });

  return (
    <Page
      title="Audit trail"
      actions={
        <>
          <button type="button" className="masetra-button" onClick={() => download('csv')}>
            Export CSV
          </button>
          <button type="button" className="masetra-button" onClick={() => download('xlsx')}>
            Export Excel
          </button>
          <button type="button" className="masetra-button" onClick={() => download('pdf')}>
            Export PDF
          </button>
        </>
      }
    >
      <form className="demo-filters" onSubmit={apply} aria-label="Filter the audit trail">
        <div className="demo-field">
          <label htmlFor={`${id}-recordType`}>Record type</label>
          <select {...field('recordType')}>
            <option value="">All</option>
            {builtInRegistry.list.map((recordType) => (
              <option key={recordType.name} value={recordType.name}>
                {labels.recordType(recordType.name, true)}
              </option>
            ))}
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor={`${id}-action`}>Action</label>
          <select {...field('action')}>
            <option value="">All</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {t.optional(`action.${action}`) ?? action}
              </option>
            ))}
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor={`${id}-from`}>From</label>
          <input type="date" {...field('from')} />
        </div>
        <div className="demo-field">
          <label htmlFor={`${id}-to`}>To</label>
          <input type="date" {...field('to')} />
        </div>
        <div className="demo-filters__actions">
          <button type="submit" className="masetra-button" data-variant="primary">
            Apply filters
          </button>
        </div>
      </form>
      {state === 'error' ? (
        <p role="alert" className="demo-error">
          {error}
        </p>
      ) : null}
      <AuditTrailTimeline entries={entries} title={`${entries.length} entries, oldest first`} />
      <div className="demo-load-more">
        {state === 'loading' ? <p role="status">Loading entries…</p> : null}
        {cursor && state === 'ready' ? (
          <button
            type="button"
            className="masetra-button"
            onClick={() => void load(queryOf(filters), cursor)}
          >
            Load more
          </button>
        ) : null}
      </div>
    </Page>
  );
}
