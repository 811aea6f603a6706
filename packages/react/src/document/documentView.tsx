import type { RecordView, RecordViewSectionProps } from '../detail/recordView';
import { DocumentVersions } from './DocumentVersions';

function VersionsSection({ record, recordType, now }: RecordViewSectionProps) {
  return <DocumentVersions document={record} recordType={recordType} now={now} titled={false} />;
}

/** A controlled document's page: its version, reviews and approvals, and version history. */
export const documentView: RecordView = {
  sections: [{ id: 'versions', label: 'document.versions', component: VersionsSection }],
};
