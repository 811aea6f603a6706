import type { RecordView, RecordViewSectionProps } from '../detail/recordView';
import { DeviationInvestigation } from './DeviationInvestigation';

function InvestigationSection({ record, recordType }: RecordViewSectionProps) {
  return <DeviationInvestigation record={record} recordType={recordType} titled={false} />;
}

/**
 * A deviation's page: its investigation (5 Whys, fishbone) once the deviation is investigated,
 * and afterwards wherever one was recorded.
 */
export const deviationView: RecordView = {
  sections: [
    {
      id: 'investigation',
      label: 'detail.investigation',
      component: InvestigationSection,
      when: ({ record, hasTag }) => hasTag('investigation') || record.investigation !== undefined,
    },
  ],
};
