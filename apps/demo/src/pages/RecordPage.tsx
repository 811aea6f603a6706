import type { RecordBase } from '@masetra/core';
import { RecordDetail, RecordForm, useQms, useRecord } from '@masetra/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Page } from '../routing/Page';
import { type RecordSection, recordPath } from './recordSections';

export function RecordPage({ section, id }: { section: RecordSection; id: string }) {
  const { labels } = useQms();
  const navigate = useNavigate();
  const { data } = useRecord(section.recordType, id);
  const record = data as RecordBase | undefined;
  const [editing, setEditing] = useState(false);
  const typeLabel = labels.recordType(section.recordType.name);

  return (
    <Page
      title={record ? record.number : typeLabel}
      eyebrow={<Link to={`/${section.collection}`}>{section.title}</Link>}
    >
      {editing && record ? (
        <RecordForm
          recordType={section.recordType}
          record={record}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <RecordDetail
          recordType={section.recordType}
          id={id}
          onEdit={() => setEditing(true)}
          onOpenRecord={(recordType, relatedId) => navigate(recordPath({ type: recordType, id: relatedId }))}
        />
      )}
    </Page>
  );
}
