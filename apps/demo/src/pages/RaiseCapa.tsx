// Raising a CAPA from a deviation: a draft CAPA that names the deviation as its source and is
// linked from it (`addressed_by`) in the same transaction, so a retry never leaves a CAPA without
// its link. The server keeps the deviation's `linkedCapaIds` in step with its links, so its
// investigation can be submitted.
import { isProblemError } from '@masetra/client';
import { can, type RecordBase, stateHasTag } from '@masetra/core';
import { qmsKeys, useQms, useRecord, useRecordLinks } from '@masetra/react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';

interface LinkableDeviation extends RecordBase {
  title?: string;
  linkedCapaIds?: string[];
}

/** A CAPA named only in `linkedCapaIds`, as records written before links were typed name them. */
function LegacyCapa({ id }: { id: string }) {
  const { labels } = useQms();
  const { data } = useRecord('capa', id);
  const capa = data as (RecordBase & { title?: string }) | undefined;
  return (
    <li>
      <Link to={`/capas/${id}`}>{capa ? `${capa.number} ${capa.title ?? ''}`.trim() : id}</Link>
      {capa ? <span className="demo-muted"> ({labels.state(capa.state)})</span> : null}
    </li>
  );
}

export function RaiseCapa({ deviation }: { deviation: RecordBase }) {
  const { principal, registry, client, labels } = useQms();
  const queryClient = useQueryClient();
  const linkable = deviation as LinkableDeviation;
  const links = useRecordLinks('deviation', deviation.id);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // One key per raise: trying again after a lost answer replays the first CAPA instead of a second.
  const attemptKey = useRef<string | undefined>(undefined);
  const linked = (links.data ?? []).filter(
    (link) => link.kind === 'addressed_by' && link.direction === 'outgoing' && link.record,
  );
  const legacy = (linkable.linkedCapaIds ?? []).filter(
    (capaId) => !linked.some((link) => link.record?.id === capaId),
  );
  const capaType = registry.byName('capa');
  const deviationType = registry.byName('deviation');
  const mayRaise =
    principal !== undefined &&
    capaType !== undefined &&
    deviationType !== undefined &&
    can(principal, capaType, 'create') &&
    can(principal, deviationType, 'update') &&
    // CAPAs are decided while the deviation is assessed or investigated and still open to change.
    stateHasTag(deviationType, deviation.state, 'editable') &&
    (stateHasTag(deviationType, deviation.state, 'assessment') ||
      stateHasTag(deviationType, deviation.state, 'investigation'));

  if (linked.length === 0 && legacy.length === 0 && !mayRaise) return null;

  const raise = async () => {
    if (!capaType) return;
    setError(undefined);
    setBusy(true);
    attemptKey.current ??= crypto.randomUUID();
    try {
      await client.records(capaType).create(
        {
          title: `CAPA for ${deviation.number}: ${linkable.title ?? ''}`.slice(0, 200),
          kind: 'corrective',
          sourceRefs: [{ type: 'deviation', id: deviation.id, number: deviation.number }],
          links: [{ kind: 'addressed_by', from: { type: 'deviation', id: deviation.id } }],
        },
        { idempotencyKey: attemptKey.current },
      );
      attemptKey.current = undefined;
      // The deviation changed too (its linkedCapaIds, its version, its trail).
      await queryClient.invalidateQueries({ queryKey: qmsKeys.allRecords() });
    } catch (failure) {
      // A refusal was answered: the next try is a new request. A lost answer keeps the key.
      if (isProblemError(failure)) attemptKey.current = undefined;
      setError(failure instanceof Error ? failure.message : 'The CAPA could not be raised.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {linked.length + legacy.length > 0 ? (
        <ul className="demo-links">
          {linked.map(({ id, record }) => (
            <li key={id}>
              <Link to={`/capas/${record?.id}`}>{`${record?.number} ${record?.title ?? ''}`.trim()}</Link>
              <span className="demo-muted"> ({labels.state(record?.state ?? '')})</span>
            </li>
          ))}
          {legacy.map((capaId) => (
            <LegacyCapa key={capaId} id={capaId} />
          ))}
        </ul>
      ) : (
        <p className="demo-muted">No CAPA linked yet.</p>
      )}
      {mayRaise ? (
        <button type="button" className="masetra-button" onClick={raise} disabled={busy}>
          {busy ? 'Raising CAPA…' : 'Raise a CAPA'}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="demo-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
