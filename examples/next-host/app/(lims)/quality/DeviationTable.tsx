'use client';
import { RecordTable } from '@masetra/react';
import { useRouter } from 'next/navigation';

export function DeviationTable() {
  const router = useRouter();
  return (
    <RecordTable
      recordType="deviation"
      onOpenRecord={(deviation) => router.push(`/quality/deviations/${deviation.id}`)}
    />
  );
}
