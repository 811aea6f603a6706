// Raising a CAPA from a deviation: a draft CAPA that names the deviation as its source,
// linked back from the deviation, so its investigation can be submitted.
import { can, type RecordBase, stateHasTag } from '@masetra/core';
import { useCreateRecord, useQms, useRecord, useUpdateRecord } from '@masetra/react';
import { useState } from 'react';
import { Link } from 'react-router';

interface LinkableDeviation extends RecordBase {
  title?: string;
  linkedCapaIds?: string[];
}

function LinkedCapa({ id }: { id: string }) {
  const { labels } = useQms();
  const { data: capa } = useRecord('capa', id);
  const base = capa as (RecordBase & { title?: string }) | undefined;
  return (
    <li>
      <Link to={`/capas/${id}`}>{base ? `${base.number} ${base.title ?? ''}` : id}</Link>
      {base ? <span className="demo-muted"> ({labels.state(base.state)})</span> : null}
    </li>
  );
}

export function RaiseCapa({ deviation }: { deviation: RecordBase }) {
  const { principal, registry } = useQms();
  const linkable = deviation as LinkableDeviation;
  const createCapa = useCreateRecord('capa');
  const updateDeviation = useUpdateRecord('deviation');
  const [error, setError] = useState<string | undefined>(undefined);
  const linked = linkable.linkedCapaIds ?? [];
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

  if (linked.length === 0 && !mayRaise) return null;

  const raise = async () => {
    setError(undefined);
    try {
      const capa = (await createCapa.mutateAsync({
        title: `CAPA for ${deviation.number}: ${linkable.title ?? ''}`.slice(0, 200),
        kind: 'corrective',
        sourceRefs: [{ type: 'deviation', id: deviation.id, number: deviation.number }],
      })) as RecordBase;
      await updateDeviation.mutateAsync({
        id: deviation.id,
        version: deviation.version,
        changes: { linkedCapaIds: [...linked, capa.id], capaRequired: true },
        reason: `${capa.number} raised from this deviation.`,
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The CAPA could not be raised.');
    }
  };
  const busy = createCapa.isPending || updateDeviation.isPending;

  return (
    <div>
      {linked.length > 0 ? (
        <ul className="demo-links">
          {linked.map((capaId) => (
            <LinkedCapa key={capaId} id={capaId} />
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
