import { notFound } from 'next/navigation';
import { samples } from '../../../../lib/samples';
import { RaiseDeviation } from './RaiseDeviation';

export default async function SamplePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sample = samples.find((candidate) => candidate.id === id);
  if (!sample) notFound();
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
      {/* The typed link from a Masetra record to this sample; the deviation page reads it back. */}
      <RaiseDeviation
        sampleRef={{ system: 'lims', kind: 'sample', id: sample.id, label: `Sample ${sample.id}` }}
      />
    </>
  );
}
