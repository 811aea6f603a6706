// The LIMS's pages: its samples, and its Quality section made of Masetra's screens.
import type { Deviation, HostRef } from '@masetra/core';
import { RecordDetail, RecordForm, RecordTable, useRecord } from '@masetra/react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Sample } from '../server/samples';

/** The typed link from a Masetra record to a LIMS sample, and back. */
const sampleRef = (sample: Sample): HostRef => ({
  system: 'lims',
  kind: 'sample',
  id: sample.id,
  label: `Sample ${sample.id}`,
});
const isSampleRef = (ref: HostRef) => ref.system === 'lims' && ref.kind === 'sample';

function useSamples(): Sample[] | undefined {
  const [samples, setSamples] = useState<Sample[]>();
  useEffect(() => {
    fetch('/api/samples')
      .then((response) => response.json() as Promise<Sample[]>)
      .then(setSamples);
  }, []);
  return samples;
}

export function SamplesPage() {
  const samples = useSamples();
  return (
    <>
      <h1>Samples</h1>
      <ul>
        {samples?.map((sample) => (
          <li key={sample.id}>
            <Link to={`/samples/${sample.id}`}>{sample.id}</Link> · {sample.product}, batch {sample.batch} ·{' '}
            {sample.test}
          </li>
        ))}
      </ul>
    </>
  );
}

export function SamplePage() {
  const { sampleId } = useParams();
  const sample = useSamples()?.find((candidate) => candidate.id === sampleId);
  const navigate = useNavigate();
  const [raising, setRaising] = useState(false);
  if (!sample) return <p role="status">Loading…</p>;
  return (
    <>
      <h1>Sample {sample.id}</h1>
      <dl className="lims-card">
        <dt>Product</dt>
        <dd>
          {sample.product}, batch {sample.batch}
        </dd>
        <dt>{sample.test}</dt>
        <dd className={sample.outOfSpec ? 'lims-oos' : undefined}>
          {sample.result} (specification {sample.specification})
          {sample.outOfSpec && ' · out of specification'}
        </dd>
      </dl>
      {raising ? (
        <RecordForm
          recordType="deviation"
          defaults={{ hostRefs: [sampleRef(sample)] }}
          fields={['title', 'description', 'occurredAt', 'area', 'severity', 'immediateActions']}
          onSaved={(deviation) => navigate(`/quality/deviations/${deviation.id}`)}
          onCancel={() => setRaising(false)}
        />
      ) : (
        <button type="button" className="lims-button" onClick={() => setRaising(true)}>
          Raise a deviation
        </button>
      )}
    </>
  );
}

export function QualityPage() {
  const navigate = useNavigate();
  return (
    <>
      <h1>Quality</h1>
      <RecordTable
        recordType="deviation"
        onOpenRecord={(deviation) => navigate(`/quality/deviations/${deviation.id}`)}
      />
    </>
  );
}

export function DeviationPage() {
  const { id = '' } = useParams();
  const record = useRecord('deviation', id).data as Deviation | undefined;
  const [editing, setEditing] = useState(false);
  if (editing && record) {
    return (
      <RecordForm
        recordType="deviation"
        record={record}
        onSaved={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    );
  }
  const samples = record?.hostRefs?.filter(isSampleRef) ?? [];
  return (
    <RecordDetail recordType="deviation" id={id} onEdit={() => setEditing(true)}>
      {samples.length > 0 && (
        <section aria-label="In the LIMS" className="lims-card">
          <h2>In the LIMS</h2>
          {samples.map((ref) => (
            <Link key={ref.id} to={`/samples/${ref.id}`}>
              {ref.label ?? ref.id}
            </Link>
          ))}
        </section>
      )}
    </RecordDetail>
  );
}
