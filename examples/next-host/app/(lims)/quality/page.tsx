import { DeviationTable } from './DeviationTable';

export default function QualityPage() {
  return (
    <>
      <h1>Quality</h1>
      <DeviationTable />
    </>
  );
}
