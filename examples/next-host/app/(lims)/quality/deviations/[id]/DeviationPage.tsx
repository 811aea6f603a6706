'use client';
// A deviation in the LIMS: Masetra's record page (and its form to edit), with the links back to
// the LIMS's samples that its typed host references name.
import type { Deviation } from '@masetra/core';
import { RecordDetail, RecordForm, useRecord } from '@masetra/react';
import Link from 'next/link';
import { useState } from 'react';

export function DeviationPage({ id }: { id: string }) {
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
  const samples = record?.hostRefs?.filter((ref) => ref.system === 'lims' && ref.kind === 'sample') ?? [];
  return (
    <RecordDetail recordType="deviation" id={id} onEdit={() => setEditing(true)}>
      {samples.length > 0 && (
        <section aria-label="In the LIMS" className="lims-card">
          <h2>In the LIMS</h2>
          {samples.map((ref) => (
            <Link key={ref.id} href={`/samples/${ref.id}`}>
              {ref.label ?? ref.id}
            </Link>
          ))}
        </section>
      )}
    </RecordDetail>
  );
}
