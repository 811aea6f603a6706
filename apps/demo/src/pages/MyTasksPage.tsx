import { MyCapaTasks } from '@masetra/react';
import { useNavigate } from 'react-router';
import { Page } from '../routing/Page';
import { useMyTasksMessages } from './myTasks.messages';
import { recordPath } from './recordSections';

/** `/my-tasks`: the signed-in user's open CAPA tasks, each opening its CAPA. */
export function MyTasksPage() {
  const navigate = useNavigate();
  const t = useMyTasksMessages();
  return (
    <Page title={t.title}>
      <p className="demo-page__intro">{t.intro}</p>
      <MyCapaTasks titled={false} onOpenCapa={(id) => navigate(recordPath({ type: 'capa', id }))} />
    </Page>
  );
}
