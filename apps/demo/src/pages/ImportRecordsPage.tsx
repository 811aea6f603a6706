import { RecordImport } from '@masetra/react';
import { Link } from 'react-router';
import { Page } from '../routing/Page';
import type { RecordSection } from './recordSections';

/** Records from a CSV or Excel file (a legacy system's list, a LIMS's results): checked first, then imported. */
export function ImportRecordsPage({ section }: { section: RecordSection }) {
  return (
    <Page
      title={`Import ${section.title.toLowerCase()}`}
      actions={
        <Link to={`/${section.collection}`} className="masetra-button">
          Back to {section.title.toLowerCase()}
        </Link>
      }
    >
      <RecordImport
        recordType={section.recordType}
        renderRecord={(record) => <Link to={`/${section.collection}/${record.id}`}>{record.number}</Link>}
      />
    </Page>
  );
}
