import type { RecordView, RecordViewSectionProps } from '../detail/recordView';
import { DocumentContentFile } from './DocumentContentFile';
import { DocumentVersionHistory } from './DocumentVersionHistory';
import { DocumentVersions } from './DocumentVersions';

function ContentSection({ record, recordType }: RecordViewSectionProps) {
  return <DocumentContentFile document={record} recordType={recordType} />;
}

function VersionsSection({ record, recordType, now }: RecordViewSectionProps) {
  return <DocumentVersions document={record} recordType={recordType} now={now} titled={false} />;
}

function HistorySection({ record, recordType, onOpenRecord }: RecordViewSectionProps) {
  return <DocumentVersionHistory document={record} recordType={recordType} onOpenRecord={onOpenRecord} />;
}

/**
 * A controlled document's page: its content file and downloads, this version with its
 * reviews, approvals and periodic review, and every version of its number.
 */
export const documentView: RecordView = {
  sections: [
    { id: 'content', label: 'document.contentFile', component: ContentSection },
    { id: 'versions', label: 'document.versions', component: VersionsSection },
    { id: 'history', label: 'document.allVersions', component: HistorySection },
  ],
};
