import type { RecordView, RecordViewSectionProps } from '../detail/recordView';
import { CapaTasks } from './CapaTasks';

function TasksSection({ record, recordType, now }: RecordViewSectionProps) {
  return <CapaTasks capa={record} recordType={recordType} now={now} titled={false} />;
}

/** A CAPA's page: its plan of tasks, extension requests and effectiveness check. */
export const capaView: RecordView = {
  sections: [{ id: 'tasks', label: 'capa.tasks', component: TasksSection }],
};
