'use client';
// Raises a deviation from a sample: Masetra's form, with the typed host link to the sample.
import type { HostRef } from '@masetra/core';
import { RecordForm } from '@masetra/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function RaiseDeviation({ sampleRef }: { sampleRef: HostRef }) {
  const router = useRouter();
  const [raising, setRaising] = useState(false);
  if (!raising) {
    return (
      <button type="button" className="lims-button" onClick={() => setRaising(true)}>
        Raise a deviation
      </button>
    );
  }
  return (
    <RecordForm
      recordType="deviation"
      defaults={{ hostRefs: [sampleRef] }}
      fields={['title', 'description', 'occurredAt', 'area', 'severity', 'immediateActions']}
      onSaved={(deviation) => router.push(`/quality/deviations/${deviation.id}`)}
      onCancel={() => setRaising(false)}
    />
  );
}
