import { can, type RecordBase } from '@masetra/core';
import { RecordTable } from '@masetra/react';
import { Link, useNavigate } from 'react-router';
import { Page } from '../routing/Page';
import { useSession } from '../session/useSession';
import { type RecordSection, recordPath } from './recordSections';

export function RecordListPage({ section }: { section: RecordSection }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const mayCreate = section.creatable && user !== undefined && can(user, section.recordType, 'create');
  const mayImport = mayCreate && can(user, 'importRecords');
  return (
    <Page
      title={section.title}
      actions={
        mayCreate ? (
          <>
            {mayImport && (
              <Link to={`/${section.collection}/import`} className="masetra-button">
                Import
              </Link>
            )}
            <Link to={`/${section.collection}/new`} className="masetra-button" data-variant="primary">
              {section.newLabel}
            </Link>
          </>
        ) : null
      }
    >
      <RecordTable
        recordType={section.recordType}
        columns={section.columns}
        defaultSort="-createdAt"
        height={560}
        onOpenRecord={(record) => navigate(recordPath(record as RecordBase))}
      />
    </Page>
  );
}
