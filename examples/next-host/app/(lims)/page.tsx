import Link from 'next/link';
import { samples } from '../../lib/samples';

export default function SamplesPage() {
  return (
    <>
      <h1>Samples</h1>
      <ul>
        {samples.map((sample) => (
          <li key={sample.id}>
            <Link href={`/samples/${sample.id}`}>{sample.id}</Link> · {sample.product}, batch {sample.batch} ·{' '}
            {sample.test}
          </li>
        ))}
      </ul>
    </>
  );
}
