import type { RecordView, RecordViewSectionProps } from '../detail/recordView';
import { ParentRecord } from './ParentRecord';

function AuditSection(props: RecordViewSectionProps) {
  const parent = props.recordType.parent;
  return parent ? <ParentRecord {...props} parent={parent} /> : null;
}

/** A finding's page: the audit it was found in. */
export const findingView: RecordView = {
  sections: [
    {
      id: 'audit',
      label: 'type.audit',
      component: AuditSection,
      when: ({ record, recordType }) =>
        recordType.parent !== undefined && typeof record[recordType.parent.foreignKey] === 'string',
    },
  ],
};
