import type { RecordBase } from '@masetra/core';
import type { RecordView, RecordViewSectionProps } from '../detail/recordView';
import { AuditFindings } from './AuditFindings';

function FindingsSection({ record, recordType, onOpenRecord }: RecordViewSectionProps) {
  return (
    <AuditFindings
      audit={record}
      auditType={recordType}
      onOpenFinding={
        onOpenRecord
          ? (finding) => onOpenRecord((finding as RecordBase).type, (finding as RecordBase).id)
          : undefined
      }
      titled={false}
    />
  );
}

/** An audit's page: its findings, how many are open, and a form to record one. */
export const auditView: RecordView = {
  sections: [{ id: 'findings', label: 'findings.title', component: FindingsSection }],
};
