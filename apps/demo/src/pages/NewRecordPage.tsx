import type { RecordBase } from '@masetra/core';
import { RecordForm } from '@masetra/react';
import { useNavigate } from 'react-router';
import { Page } from '../routing/Page';
import { type RecordSection, recordPath } from './recordSections';

export function NewRecordPage({ section }: { section: RecordSection }) {
  const navigate = useNavigate();
  return (
    <Page title={section.newLabel}>
      <RecordForm
        recordType={section.recordType}
        title={null}
        onSaved={(record) => navigate(recordPath(record as RecordBase), { replace: true })}
        onCancel={() => navigate(`/${section.collection}`)}
      />
    </Page>
  );
}
