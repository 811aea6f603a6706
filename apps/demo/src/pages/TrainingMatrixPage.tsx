import { can } from '@masetra/core';
import { TrainingMatrix } from '@masetra/react';
import { Page } from '../routing/Page';
import { useSession } from '../session/useSession';
import { NotFoundPage } from './NotFoundPage';
import { useTrainingPageMessages } from './training.messages';

/** `/training/matrix`: for the roles the permission matrix lets read it; no page for anyone else. */
export function TrainingMatrixPage() {
  const { user } = useSession();
  const t = useTrainingPageMessages();
  if (!user || !can(user, 'viewTrainingMatrix')) return <NotFoundPage />;
  return (
    <Page title={t.matrixTitle}>
      <p className="demo-hint">{t.matrixIntro}</p>
      <TrainingMatrix title={t.matrixSection} />
    </Page>
  );
}
