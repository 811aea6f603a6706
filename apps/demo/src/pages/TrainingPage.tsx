import { MyTraining } from '@masetra/react';
import { useNavigate } from 'react-router';
import { Page } from '../routing/Page';
import { recordPath } from './recordSections';
import { useTrainingPageMessages } from './training.messages';

/** `/training`: the signed-in user's training, acknowledged with their signature. */
export function TrainingPage() {
  const navigate = useNavigate();
  const t = useTrainingPageMessages();
  return (
    <Page title={t.myTrainingTitle}>
      <p className="demo-hint">{t.myTrainingIntro}</p>
      <MyTraining
        title={t.myTrainingSection}
        onOpenDocument={(task) => navigate(recordPath({ type: 'document', id: task.documentId }))}
      />
    </Page>
  );
}
